# Accuracy control for the Part B state cache (grid 401x401 posterior).
# mode "sample": compare grid vs nested quadrature (Part A quad_case) on random cached states.
# mode "refine": states whose decision could be flipped by grid error (|over_d - 0.25| < THR for
#   some dose, or two doses' target probabilities within THR) are recomputed by quadrature and the
#   cache entry is replaced (marked refined = TRUE). Resumable within a CPU budget.
# Usage: nice Rscript partB_refine.R sample <nstates> <seed>
#        nice Rscript partB_refine.R refine <THR> [cpu_budget=200]
args <- commandArgs(trailingOnly = TRUE)
PARTA_NO_MAIN <- TRUE
source("/tmp/ref/blrm/partA.R")
cfile <- "/tmp/ref/blrm/partB_exact_cache.rds"
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
  near <- Filter(function(k) {
    ip <- cache[[k]]
    is.null(ip$refined) && (min(abs(ip$over - 0.25)) < THR || min(diff(sort(ip$target))) < THR)
  }, ks)
  cat(length(near), "states to refine\n")
  t0 <- cpu(); done <- 0
  log <- list()
  for (k in near) {
    Q <- qstate(k); ip <- cache[[k]]
    new <- list(under = unname(Q$under), target = unname(Q$target), over = unname(Q$over),
                margin = min(abs(Q$over - 0.25)), refined = TRUE)
    flip_ewoc <- any((ip$over <= 0.25) != (new$over <= 0.25))
    flip_tgt <- which.max(ip$target) != which.max(new$target) ||
      any(order(ip$target) != order(new$target))
    cat(sprintf("%s  grid-quad max %.2e  min|over-.25| %.2e  EWOC flip %s  target-order change %s\n",
                k, max(abs(c(ip$over - new$over, ip$target - new$target))), new$margin,
                flip_ewoc, flip_tgt))
    assign(k, new, envir = cache); done <- done + 1
    if (cpu() - t0 > BUDGET) break
  }
  saveRDS(cache, cfile)
  cat(sprintf("refined %d of %d this run\n", done, length(near)))
}
