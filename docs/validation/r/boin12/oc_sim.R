## =====================================================================
## oc_sim.R -- part (b): operating characteristics of BOIN12
## run: nice Rscript docs/validation/r/boin12/oc_sim.R SCEN TIE NTRIAL SEED
##   e.g. nice Rscript oc_sim.R S1 random 20000 20240601
## Design: phiT=0.35, phiE=0.25, utilities (E1T0,E1T1,E0T0,E0T1) =
## (100,60,40,0), cohort 3 x 10 cohorts, start dose 1, N1(N*)=6, N2=9,
## cT=0.95, cE=0.90, no per-dose cap (n_cap=30), RDS ties broken at random.
## Outcomes: T ~ Bern(pT[d]), E ~ Bern(pE[d]) independent given dose.
## Every trial is scored with several final-selection rules (paired).
## =====================================================================
source("docs/validation/r/boin12/boin12_sim.R")
args <- commandArgs(TRUE)
if (length(args) < 4) args <- c("S1", "random", "20000", "20240601")
scen_name <- args[1]; tie <- args[2]; ntrial <- as.integer(args[3])
seed <- as.integer(args[4])

scen <- list(
  S1 = list(pT = c(0.05, 0.10, 0.15, 0.25, 0.40),
            pE = c(0.10, 0.25, 0.45, 0.50, 0.55)),
  S2 = list(pT = c(0.05, 0.10, 0.20, 0.40, 0.55),
            pE = c(0.10, 0.30, 0.60, 0.60, 0.60)))

rules <- list(
  AC_exact      = function(r) select_obd_AC(r$n, r$yT, r$yE, r$elim, 0.35, default_utility, "exact"),
  AC_isobug     = function(r) select_obd_AC(r$n, r$yT, r$yE, r$elim, 0.35, default_utility, "iso_bug"),
  AC_increasing = function(r) select_obd_AC(r$n, r$yT, r$yE, r$elim, 0.35, default_utility, "increasing"),
  B_postmean    = function(r) select_obd_B(r$n, r$yT, r$yE, r$elim, 0.35, default_utility))

fmt <- function(m, se) sprintf("%6.2f (%.2f)", m, se)
run <- function(sc, des, seed, label) {
  set.seed(seed)
  J <- length(sc$pT)
  S <- matrix(0L, ntrial, length(rules)); colnames(S) <- names(rules)
  N <- matrix(0, ntrial, J); YT <- YE <- N
  t0 <- proc.time()[[3]]
  for (t in seq_len(ntrial)) {
    r <- boin12_trial(sc$pT, sc$pE, des)
    N[t, ] <- r$n; YT[t, ] <- r$yT; YE[t, ] <- r$yE
    S[t, ] <- if (r$stopped) 0L else sapply(rules, function(f) f(r))
  }
  el <- proc.time()[[3]] - t0
  cat(sprintf("\n### %s  (ntrial = %d, seed = %d, %.0f s)\n", label, ntrial, seed, el))
  cat("true pT:", sc$pT, "  true pE:", sc$pE, "\n")
  cat("true utility 60*pE+40*(1-pT):", 60 * sc$pE + 40 * (1 - sc$pT), "\n")
  for (k in names(rules)) {
    p <- sapply(0:J, function(j) mean(S[, k] == j))
    cat(sprintf("selection %% [%-13s] none: %s | ", k,
                fmt(100 * p[1], 100 * sqrt(p[1] * (1 - p[1]) / ntrial))),
        paste(sprintf("d%d: %s", 1:J, fmt(100 * p[-1], 100 * sqrt(p[-1] * (1 - p[-1]) / ntrial))),
              collapse = "  "), "\n")
  }
  cat("patients/dose (SE):", paste(sprintf("d%d: %s", 1:J,
      fmt(colMeans(N), apply(N, 2, sd) / sqrt(ntrial))), collapse = "  "), "\n")
  tot <- rowSums(N)
  cat(sprintf("total n: %.3f (%.3f); mean #tox %.3f; mean #eff %.3f; early stop %.2f%%\n",
              mean(tot), sd(tot) / sqrt(ntrial), mean(rowSums(YT)), mean(rowSums(YE)),
              100 * mean(S[, 1] == 0)))
  invisible(list(S = S, N = N))
}

des <- boin12_design(tie = tie)
res <- run(scen[[scen_name]], des, seed,
           sprintf("%s, RDS ties -> %s", scen_name, tie))
saveRDS(res, sprintf("docs/validation/r/boin12/oc_%s_%s.rds", scen_name, tie))
