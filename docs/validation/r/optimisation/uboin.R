# Reference operating characteristics for design.u-boin (UBoinTest): an independent base-R transcription of U-BOIN
# (Zhou, Lee & Yuan, Stat Med 38:5299, 2019) as read in docs/adr/0040, simulated with R's own random numbers.
# The Java results must agree within 3 Monte Carlo standard errors of the difference.
# Run: Rscript docs/validation/r/optimisation/uboin.R   (base R 4.2.2; about a minute)
options(digits = 10)

uboin.trial <- function(pT, pE, target, phiE, uB, uN, cT, cE, cs, n1, ncoh, start, a, randomise) {
  K <- length(pT)
  lamE <- log((1 - 0.6 * target) / (1 - target)) / log(target * (1 - 0.6 * target) / (0.6 * target * (1 - target)))
  lamD <- log((1 - target) / (1 - 1.4 * target)) / log(1.4 * target * (1 - target) / (target * (1 - 1.4 * target)))
  n <- y <- r <- n10 <- n11 <- n00 <- rep(0, K)   # n10: response only, n11: both, n00: neither
  elim <- rep(FALSE, K)
  d <- start
  util <- function(j) (100 * (n10[j] + a / 4) + uB * (n11[j] + a / 4) + uN * (n00[j] + a / 4)) / (n[j] + a)
  treat <- function(d) {
    tox <- runif(cs) < pT[d]; eff <- runif(cs) < pE[d]
    n[d] <<- n[d] + cs; y[d] <<- y[d] + sum(tox); r[d] <<- r[d] + sum(eff)
    n10[d] <<- n10[d] + sum(eff & !tox); n11[d] <<- n11[d] + sum(eff & tox); n00[d] <<- n00[d] + sum(!eff & !tox)
  }
  # Stage I: BOIN (get.oc's order; its own elimination state)
  belim <- rep(FALSE, K)
  for (i in seq_len(n1)) {
    treat(d)
    if (n[d] >= 3 && 1 - pbeta(target, y[d] + 1, n[d] - y[d] + 1) > 0.95) {
      belim[d:K] <- TRUE
      if (d == 1) return(list(obd = 0, n = n))
    }
    if (i == n1) break
    if (y[d] <= floor(n[d] * lamE) && d != K) { if (!belim[d + 1]) d <- d + 1 }
    else if (y[d] >= ceiling(n[d] * lamD) && d != 1) d <- d - 1
  }
  best <- function() {
    adm <- which(n > 0 & !elim)
    if (length(adm) == 0) return(0)
    u <- sapply(adm, util)
    adm[which(u == max(u))[1]]
  }
  cohorts <- n1
  repeat {
    for (j in which(n >= 3)) {
      if (1 - pbeta(target, y[j] + 1, n[j] - y[j] + 1) > cT) elim[j:K] <- TRUE
      if (pbeta(phiE, r[j] + 1, n[j] - r[j] + 1) > cE) elim[j] <- TRUE
    }
    if (cohorts >= ncoh) return(list(obd = best(), n = n))
    ch <- best()
    if (ch == 0) return(list(obd = 0, n = n))
    if (randomise) {
      adm <- which(n > 0 & !elim); u <- sapply(adm, util)
      if (sum(u) > 0) ch <- adm[min(which(runif(1) * sum(u) < cumsum(u)), length(adm))]
    }
    h <- max(which(n > 0))
    if (ch == h && h < K && n[h + 1] == 0 && !elim[h + 1] && y[h] <= floor(n[h] * lamE)) ch <- h + 1
    treat(ch)
    cohorts <- cohorts + 1
  }
}

oc <- function(label, ntrial, seed, pT, pE, ...) {
  set.seed(seed)
  K <- length(pT)
  sel <- matrix(0, ntrial, K + 1); npat <- matrix(0, ntrial, K)
  for (t in 1:ntrial) {
    res <- uboin.trial(pT, pE, ...)
    sel[t, res$obd + 1] <- 1
    npat[t, ] <- res$n
  }
  p <- colMeans(sel)
  cat(sprintf("%s (%d trials)\n  selection %% (none, dose 1..K): %s\n  selection SE %%: %s\n  patients: %s\n  patients SE: %s\n",
              label, ntrial, paste(sprintf("%.3f", 100 * p), collapse = ", "),
              paste(sprintf("%.3f", 100 * sqrt(p * (1 - p) / ntrial)), collapse = ", "),
              paste(sprintf("%.4f", colMeans(npat)), collapse = ", "),
              paste(sprintf("%.4f", apply(npat, 2, sd) / sqrt(ntrial)), collapse = ", ")))
}

oc("S1 greedy", 20000, 2019, c(0.05, 0.1, 0.2, 0.3, 0.45), c(0.1, 0.3, 0.5, 0.5, 0.5),
   target = 0.35, phiE = 0.25, uB = 60, uN = 40, cT = 0.95, cE = 0.9, cs = 3, n1 = 4, ncoh = 10, start = 1, a = 1,
   randomise = FALSE)
oc("S2 randomised", 20000, 2020, c(0.02, 0.05, 0.1, 0.25, 0.4), c(0.2, 0.4, 0.55, 0.45, 0.3),
   target = 0.3, phiE = 0.2, uB = 50, uN = 30, cT = 0.95, cE = 0.9, cs = 3, n1 = 5, ncoh = 12, start = 1, a = 2,
   randomise = TRUE)
oc("S3 greedy, toxic", 20000, 2021, c(0.15, 0.3, 0.45, 0.6), c(0.3, 0.4, 0.5, 0.6),
   target = 0.3, phiE = 0.25, uB = 60, uN = 40, cT = 0.95, cE = 0.9, cs = 3, n1 = 3, ncoh = 10, start = 2, a = 1,
   randomise = FALSE)
