# Accuracy control for the Part B state cache (grid 401x401 posterior).
# mode "sample": compare grid vs nested quadrature (Part A quad_case) on random cached states.
# mode "refine": states whose decision could be flipped by grid error (|over_d - 0.25| < THR for
#   some dose, or two doses' target probabilities within THR) are recomputed by quadrature and the
#   cache entry is replaced (marked refined = TRUE). Resumable within a CPU budget.
# Usage: nice Rscript partB_refine.R sample <nstates> <seed>
#        nice Rscript partB_refine.R refine <THR> [cpu_budget=200]
args <- commandArgs(trailingOnly = TRUE)
PARTA_NO_MAIN <- TRUE
source("docs/validation/r/blrm/partA.R")
cfile <- "docs/validation/r/blrm/partB_exact_cache.rds"
cache <- readRDS(cfile)
ks <- ls(cache)
base <- cases$case1
qstate <- function(k) {
  v <- as.integer(strsplit(k, ",")[[1]])
  cs <- base; cs$n <- v[1:6]; cs$y <- v[7:12]
  quad_case(cs)
}
cpu <- function() { p <- proc.time(); p[["user.self"]] + p[["sys.self"]] }
if (args[1] == "sample") {
  set.seed(as.integer(args[3]))
  tot <- sapply(ks, function(k) sum(as.integer(strsplit(k, ",")[[1]])[1:6]))
  pick <- c(sample(ks[tot == 36], as.integer(args[2]) %/% 2),
            sample(ks[tot < 36], as.integer(args[2]) - as.integer(args[2]) %/% 2))
  err <- t(sapply(pick, function(k) {
    Q <- qstate(k); ip <- cache[[k]]
    c(N = sum(as.integer(strsplit(k, ",")[[1]])[1:6]),
      under = max(abs(ip$under - Q$under)), target = max(abs(ip$target - Q$target)),
      over = max(abs(ip$over - Q$over)))
  }))
  print(signif(err, 3))
  cat("max abs grid error over sample:", max(err[, -1]), "\n")
} else {
  THR <- as.numeric(args[2]); BUDGET <- if (length(args) >= 3) as.numeric(args[3]) else 200
  # decision-relevant margins of a state: EWOC boundary for doses <= maxtried+1, and the gap
  # between the two best target probabilities among (loosely) admissible candidate doses
  margins <- function(k, ip, thr) {
    v <- as.integer(strsplit(k, ",")[[1]]); n <- v[1:6]
    maxt <- max(which(n > 0)); lev <- sum(n) / 3
    elig <- seq_len(6) <= maxt + 1
    if (lev == 12) elig <- n > 0
    em <- min(abs(ip$over[seq_len(6) <= maxt + 1] - 0.25))
    cand <- elig & ip$over <= 0.25 + thr
    tg <- sort(ip$target[cand], decreasing = TRUE)
    c(ewoc = em, gap = if (length(tg) >= 2) tg[1] - tg[2] else Inf)
  }
  near <- Filter(function(k) is.null(cache[[k]]$tier) && min(margins(k, cache[[k]], THR)) < THR, ks)
  cat(length(near), "states with a decision margin <", THR, "on the 401 grid -> tier 1 (1601 grid)\n")
  G16 <- make_grid(base, 1601, 1601)
  for (k in near) {
    v <- as.integer(strsplit(k, ",")[[1]])
    gp <- grid_post(G16, v[1:6], v[7:12]); ip <- cache[[k]]
    new <- list(under = gp$under, target = gp$target, over = gp$over, tier = 1L)
    cat(sprintf("T1 %-28s |401-1601| %.1e  margins(1601): ewoc %.2e gap %.2e\n", k,
                max(abs(c(ip$over - new$over, ip$target - new$target))),
                margins(k, new, 0)[1], margins(k, new, 0)[2]))
    assign(k, new, envir = cache)
  }
  rm(G16); invisible(gc())
  # tier 2: whatever is still within 1e-4 of a decision boundary -> nested quadrature
  near2 <- Filter(function(k) identical(cache[[k]]$tier, 1L) && min(margins(k, cache[[k]], 1e-4)) < 1e-4, ks)
  cat(length(near2), "states with a decision margin < 1e-4 on the 1601 grid -> tier 2 (quadrature)\n")
  for (k in near2) {
    Q <- qstate(k); ip <- cache[[k]]
    new <- list(under = unname(Q$under), target = unname(Q$target), over = unname(Q$over), tier = 2L)
    cat(sprintf("T2 %-28s |1601-quad| %.1e  margins(quad): ewoc %.3e gap %.3e\n", k,
                max(abs(c(ip$over - new$over, ip$target - new$target))),
                margins(k, new, 0)[1], margins(k, new, 0)[2]))
    assign(k, new, envir = cache)
  }
  saveRDS(cache, cfile)
}
