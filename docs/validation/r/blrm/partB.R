# Part B: EWOC/BLRM operating characteristics by simulation (base R).
# Usage: nice Rscript docs/validation/r/blrm/partB.R <scenario 1|2> <ntrials> <seed> [gridN=401]
# Writes docs/validation/r/blrm/partB_s<scenario>_seed<seed>.rds (per-trial results).
args <- commandArgs(trailingOnly = TRUE)
scen <- as.integer(args[1]); NT <- as.integer(args[2]); seed <- as.integer(args[3])
GN <- if (length(args) >= 4) as.integer(args[4]) else 401L
source("docs/validation/r/blrm/common.R")
source("docs/validation/r/blrm/grid.R")

truths <- list(c(0.05, 0.10, 0.20, 0.30, 0.45, 0.60),
               c(0.15, 0.30, 0.45, 0.55, 0.65, 0.75))
truth <- truths[[scen]]
cs <- cases$case1                     # design prior: x = 1..6, dref = 3, ma = logit(.3), mb = 0, sa = 2, sb = 1, rho = 0
K <- cs$K; COH <- 3L; MAXCOH <- 12L; EWOC <- 0.25

G <- make_grid(cs, GN, GN)
na <- G$na; nb <- G$nb; ha <- G$ha
col0 <- (seq_len(nb) - 1L) * na
# precompute, per dose and cut, the linear indices and polynomial weights of the cut cell
prep <- function(ci) {
  j <- ci$j; t <- ci$t
  list(ij = j + col0, ij1 = j + 1L + col0, ijm = pmax(j - 1L, 1L) + col0,
       ij2 = pmin(j + 2L, na) + col0,
       c0 = ha * (t^3 / 3 - 1.5 * t^2 + 2 * t) / 2, c1 = -ha * (t^3 / 3 - t^2),
       c2 = ha * (t^3 / 3 - t^2 / 2) / 2)
}
PL <- lapply(G$cut_lo, prep); PH <- lapply(G$cut_hi, prep)
row1 <- 1L + col0; rowN <- na + col0
lastidx <- na * seq_len(nb)

# fast posterior interval probabilities from the log posterior matrix lp (same formulas as grid_post)
interval_probs <- function(lp) {
  f <- exp(lp - max(lp))
  C <- cumsum(as.vector(f))
  off <- c(0, C[lastidx[-nb]])
  f1 <- f[row1]
  colmass <- ha * (C[lastidx] - off - f1 / 2 - f[rowN] / 2)
  Z <- sum(G$wb * colmass)
  mb <- function(P) {
    fj <- f[P$ij]; fj1 <- f[P$ij1]
    Tj <- ha * (C[P$ij] - off - f1 / 2 - fj / 2) - ha * (fj1 - f[P$ijm]) / 24
    sum(G$wb * (Tj + P$c0 * fj + P$c1 * fj1 + P$c2 * f[P$ij2])) / Z
  }
  under <- vapply(PL, mb, 0); over <- 1 - vapply(PH, mb, 0)
  list(under = under, target = 1 - under - over, over = over)
}

# ---- self-check against grid_post and the Part A quadrature values (same prior: case1, case4) ----
loglik_mat <- function(n, y) {
  lp <- G$lp0
  for (d in which(n > 0)) lp <- lp + y[d] * G$LP[[d]] + (n[d] - y[d]) * G$LQ[[d]]
  lp
}
qa <- readRDS("docs/validation/r/blrm/partA_case1_case2_case3_case4.rds")
for (nm in c("case1", "case4")) {
  c0 <- cases[[nm]]; Q <- qa[[nm]]$Q
  ip <- interval_probs(loglik_mat(c0$n, c0$y)); gp <- grid_post(G, c0$n, c0$y)
  cat(sprintf("self-check %s: max|fast-grid_post| = %.2e, max|fast-quad| = %.2e\n", nm,
              max(abs(c(ip$under - gp$under, ip$over - gp$over))),
              max(abs(c(ip$under - Q$under, ip$target - Q$target, ip$over - Q$over)))))
}

# ---- one trial ----
# Use the accuracy-controlled decision cache of partB_exact.R/partB_refine.R if it exists
# (keys "n1..n6,y1..y6"; near-boundary states recomputed on a 1601 grid / by quadrature);
# states not in it are computed on the 401 grid.
cfile <- "docs/validation/r/blrm/partB_exact_cache.rds"
cache <- if (file.exists(cfile)) readRDS(cfile) else new.env(hash = TRUE, size = 100000L)
nmiss <- 0L
run_trial <- function() {
  n <- integer(K); y <- integer(K)
  dose <- 1L; maxtried <- 0L; ncoh <- 0L
  repeat {
    u <- runif(COH)
    tox <- sum(u < truth[dose])
    n[dose] <- n[dose] + COH; y[dose] <- y[dose] + tox
    maxtried <- max(maxtried, dose); ncoh <- ncoh + 1L
    key <- paste(c(n, y), collapse = ",")
    ip <- cache[[key]]
    if (is.null(ip)) { ip <- interval_probs(loglik_mat(n, y)); assign(key, ip, envir = cache); nmiss <<- nmiss + 1L }
    adm <- (ip$over <= EWOC) & (seq_len(K) <= maxtried + 1L)
    if (!any(adm)) return(list(mtd = 0L, n = n, y = y, ncoh = ncoh, stop = "no_admissible"))
    if (ncoh >= MAXCOH) {
      cand <- adm & (n > 0)
      if (!any(cand)) return(list(mtd = 0L, n = n, y = y, ncoh = ncoh, stop = "max_no_tried_adm"))
      tg <- ifelse(cand, ip$target, -Inf)
      return(list(mtd = which.max(tg), n = n, y = y, ncoh = ncoh, stop = "max"))  # which.max: first => lower dose on ties
    }
    tg <- ifelse(adm, ip$target, -Inf)
    dose <- which.max(tg)
  }
}

set.seed(seed)   # default RNG: Mersenne-Twister, Inversion, Rejection (R 4.2.2)
t0 <- proc.time()
res <- vector("list", NT)
for (i in seq_len(NT)) res[[i]] <- run_trial()
el <- proc.time() - t0
cat(sprintf("scenario %d: %d trials, seed %d, grid %dx%d, %d posterior evaluations (cache misses), %.1f s CPU\n",
            scen, NT, seed, GN, GN, nmiss, el[["user.self"]] + el[["sys.self"]]))
mtd <- vapply(res, `[[`, 0L, "mtd")
print(table(factor(mtd, levels = 0:K)) / NT)
saveRDS(list(scen = scen, truth = truth, seed = seed, grid = GN, NT = NT, res = res),
        sprintf("docs/validation/r/blrm/partB_s%d_seed%d.rds", scen, seed))
