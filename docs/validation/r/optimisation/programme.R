# Reference operating characteristics for design.programme (ProgrammeTest): an independent R simulation of the
# programme without backfill — BOIN escalation (get.oc's decision order; MTD by BOIN::select.mtd), then a randomised
# stage of n per arm at the MTD and the arms - 1 doses below it, decided by the rules of randomised_selection.R —
# with R's own random numbers. Java must agree within 3 SE of the difference.
# Needs BOIN (2.7.2, github:cran/BOIN, installed in /work/Rlib). Run: Rscript docs/validation/r/optimisation/programme.R
.libPaths(c("/work/Rlib", .libPaths()))
suppressMessages(library(BOIN))
source_rules <- function(n, phiT = 0.3, cT = 0.9, phiE = 0.2, cE = 0.9, lambda, uB = 60, uN = 40) {
  x <- 0:n
  list(maxTox = max(c(-1, x[1 - pbeta(phiT, 1 + x, 1 + n - x) <= cT])),
       minResp = min(c(n + 1, x[pbeta(phiE, 1 + x, 1 + n - x) <= cE])),
       maxDeficit = ceiling(lambda * n - 1e-9) - 1,
       util = function(x, y) { q <- (y + 1) / (n + 2); p <- (x + 1) / (n + 2)
         100 * q * (1 - p) + uB * q * p + uN * (1 - q) * (1 - p) })
}
stage <- function(R, x, y, rule) {
  adm <- x <= R$maxTox & y >= R$minResp
  if (!any(adm)) return(0)
  if (rule == "ni") {
    r <- max(which(adm))
    for (j in seq_len(r - 1)) if (adm[j] && y[r] - y[j] <= R$maxDeficit) return(j)
    return(r)
  }
  u <- ifelse(adm, R$util(x, y), -Inf)
  which(u == max(u))[1]
}
boin <- function(pT, target, ncohort, cs = 3) {
  K <- length(pT)
  lamE <- log((1 - 0.6 * target) / (1 - target)) / log(target * (1 - 0.6 * target) / (0.6 * target * (1 - target)))
  lamD <- log((1 - target) / (1 - 1.4 * target)) / log(1.4 * target * (1 - target) / (target * (1 - 1.4 * target)))
  n <- y <- rep(0, K); elim <- rep(FALSE, K); d <- 1
  for (i in 1:ncohort) {
    y[d] <- y[d] + sum(runif(cs) < pT[d]); n[d] <- n[d] + cs
    if (n[d] >= 3 && 1 - pbeta(target, y[d] + 1, n[d] - y[d] + 1) > 0.95) {
      elim[d:K] <- TRUE
      if (d == 1) return(list(mtd = 0, n = n))
    }
    if (y[d] <= floor(n[d] * lamE) && d != K) { if (!elim[d + 1]) d <- d + 1 }
    else if (y[d] >= ceiling(n[d] * lamD) && d != 1) d <- d - 1
  }
  list(mtd = select.mtd(target, n, y)$MTD, n = n)
}
programme <- function(label, ntrial, seed, pT, pE, target, ncohort, arms, nper, rule, margin, lambda) {
  set.seed(seed)
  K <- length(pT); R <- source_rules(nper, lambda = lambda)
  final <- matrix(0, ntrial, K + 1)
  for (t in 1:ntrial) {
    e <- boin(pT, target, ncohort)
    m <- e$mtd
    if (is.na(m) || m < 1) { final[t, 1] <- 1; next }   # column 1: no dose
    arms.d <- max(1, m - arms + 1):m
    x <- rbinom(length(arms.d), nper, pT[arms.d]); y <- rbinom(length(arms.d), nper, pE[arms.d])
    s <- stage(R, x, y, rule)
    final[t, if (s == 0) 1 else arms.d[s] + 1] <- 1
  }
  p <- colMeans(final)
  cat(sprintf("%s (%d trials)\n  final selection %% (none, dose 1..K): %s\n  SE %%: %s\n", label, ntrial,
              paste(sprintf("%.3f", 100 * p), collapse = ", "),
              paste(sprintf("%.3f", 100 * sqrt(p * (1 - p) / ntrial)), collapse = ", ")))
}
programme("P1 worked example, BOIN, 2 arms of 33, non-inferiority", 20000, 33,
          c(0.03, 0.08, 0.15, 0.25, 0.40), c(0.15, 0.25, 0.45, 0.45, 0.47), 0.25, 10, 2, 33, "ni", 0.15, 0.075)
programme("P2 BOIN, 3 arms of 20, utility", 20000, 34,
          c(0.05, 0.1, 0.2, 0.3, 0.45), c(0.2, 0.35, 0.45, 0.5, 0.5), 0.3, 10, 3, 20, "utility", 0.1, 0.05)
