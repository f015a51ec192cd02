## =====================================================================
## exact_oc.R -- EXACT (non-Monte-Carlo) operating characteristics for a
## short BOIN12 trial by full enumeration of all cohort outcomes, with
## RDS ties branched with equal probability (= the random tie rule).
## Purpose: deterministic reference numbers for the Java port, and a check
## of the Monte-Carlo simulator (compare with boin12_trial()).
## run: nice Rscript docs/validation/r/boin12/exact_oc.R SCEN NCOHORT [MC_NTRIAL]
## Outcomes independent given dose; default utilities (additive), so a
## cohort is summarised by (yT, yE) with prob dbinom(yT,3,pT)*dbinom(yE,3,pE).
## =====================================================================
source("docs/validation/r/boin12/boin12_sim.R")
args <- commandArgs(TRUE)
if (length(args) < 2) args <- c("S1", "4", "0")
scen <- list(
  S1 = list(pT = c(0.05, 0.10, 0.15, 0.25, 0.40), pE = c(0.10, 0.25, 0.45, 0.50, 0.55)),
  S2 = list(pT = c(0.05, 0.10, 0.20, 0.40, 0.55), pE = c(0.10, 0.30, 0.60, 0.60, 0.60)))
sc <- scen[[args[1]]]; ncoh <- as.integer(args[2])
mcn <- if (length(args) >= 3) as.integer(args[3]) else 0
J <- 5; cs <- 3
desA <- boin12_design(ncohort = ncoh, tie = "all")     # n_cap = 3*ncoh
acc <- new.env(); acc$sel <- numeric(J + 1); acc$npts <- numeric(J)
acc$selB <- numeric(J + 1); acc$leaves <- 0; acc$psum <- 0

leaf <- function(st, pr, stopped) {
  acc$leaves <- acc$leaves + 1; acc$psum <- acc$psum + pr
  acc$npts <- acc$npts + pr * st$n
  if (stopped) { acc$sel[1] <- acc$sel[1] + pr; acc$selB[1] <- acc$selB[1] + pr; return() }
  s <- select_obd_AC(st$n, st$yT, st$yE, st$elim, 0.35, default_utility, "exact")
  acc$sel[s + 1] <- acc$sel[s + 1] + pr
  s <- select_obd_B(st$n, st$yT, st$yE, st$elim, 0.35, default_utility)
  acc$selB[s + 1] <- acc$selB[s + 1] + pr
}

rec <- function(st, d, k, pr) {            # treat cohort k at dose d
  for (yt in 0:cs) for (ye in 0:cs) {
    p <- pr * dbinom(yt, cs, sc$pT[d]) * dbinom(ye, cs, sc$pE[d])
    s2 <- st
    s2$n[d] <- s2$n[d] + cs; s2$yT[d] <- s2$yT[d] + yt; s2$yE[d] <- s2$yE[d] + ye
    s2$x[d] <- pseudo_x_additive(s2$n[d], s2$yT[d], s2$yE[d], default_utility)
    dec <- boin12_decide(s2, d, desA)
    if (!is.null(dec$status)) dec <- list(c(dec, list(prob = 1)))
    for (o in dec) {
      s3 <- s2; s3$elim <- o$elim; po <- p * o$prob
      if (o$status == "stop") leaf(s3, po, TRUE)
      else if (o$status == "end" || k == ncoh) leaf(s3, po, FALSE)
      else rec(s3, o$d_next, k + 1, po)
    }
  }
}
t0 <- proc.time()[[3]]
rec(list(n = numeric(J), yT = numeric(J), yE = numeric(J), x = numeric(J),
         elim = numeric(J)), 1, 1, 1)
cat(sprintf("## EXACT  %s, %d cohorts of 3 (N=%d), tie=random(branched); %d leaves, total prob %.12f, %.0f s\n",
            args[1], ncoh, 3 * ncoh, acc$leaves, acc$psum, proc.time()[[3]] - t0))
cat("selection % (none, d1..d5) AC rule :", sprintf("%.6f", 100 * acc$sel), "\n")
cat("selection % (none, d1..d5) variant B:", sprintf("%.6f", 100 * acc$selB), "\n")
cat("expected patients d1..d5          :", sprintf("%.6f", acc$npts), "\n")

if (mcn > 0) {                             # MC check of the simulator
  desM <- boin12_design(ncohort = ncoh, tie = "random")
  set.seed(777); sel <- integer(mcn); N <- matrix(0, mcn, J)
  for (t in 1:mcn) { r <- boin12_trial(sc$pT, sc$pE, desM); sel[t] <- r$sel; N[t, ] <- r$n }
  p <- sapply(0:J, function(j) mean(sel == j))
  z <- (p - acc$sel) / sqrt(pmax(acc$sel * (1 - acc$sel), 1e-12) / mcn)
  cat(sprintf("MC (%d trials) selection %%        :", mcn), sprintf("%.3f", 100 * p), "\n")
  cat("z-scores MC vs exact               :", sprintf("%.2f", z), "\n")
  cat("MC patients                        :", sprintf("%.4f", colMeans(N)),
      " z:", sprintf("%.2f", (colMeans(N) - acc$npts) / (apply(N, 2, sd) / sqrt(mcn) + 1e-12)), "\n")
}
