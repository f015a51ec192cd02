# Reference values for the confidence intervals of biomarker.time-roc (TimeRocIidTest): R 4.2.2, timeROC 0.4.1
# (github:cran/timeROC, installed into /work/Rlib) with pec 2022.05.04 (Debian r-cran-pec).
# Run from the worktree root: Rscript docs/validation/r/biomarker/timeroc-iid.R
# It writes the simulated data (seeded, our own; committed) and prints the values pinned in TimeRocIidTest.
out <- "tests/io.daybreak.methods.biomarker.tests/src/io/daybreak/methods/biomarker/roc/timeroc-iid-data.csv"
.libPaths(c("/work/Rlib", .libPaths()))
library(timeROC); library(survival)
f <- function(x) cat(paste(sprintf("%.17g", x), collapse = ", "), "\n")
set.seed(20261203)
n <- 150
x1 <- round(rnorm(n), 1)                     # marker with ties
x2 <- rbinom(n, 4, 0.5)                      # a 0..4 score: many ties
ev <- rexp(n, 0.25 * exp(0.6 * x1 + 0.2 * x2))
ce <- runif(n, 1, 9)
time <- round(pmin(ev, ce) * 2) / 2          # half units: ties within and between events and censorings
event <- as.integer(ev <= ce)
time[time == 0] <- 0.5
d <- data.frame(time = time, event = event, x1 = x1, x2 = x2)
write.csv(d, out, row.names = FALSE, quote = FALSE)
tab <- table(time, event); cat("tied event/censoring times:", sum(tab[, 1] > 0 & tab[, 2] > 0), "\n")
cat("times with >1 event:", sum(tab[, 2] > 1), "; with >1 censoring:", sum(tab[, 1] > 1), "\n")
times <- c(1.5, 3, 5)                        # 3 and 5 are observed times (exact ties with t)
cat("rows with time == 3:", sum(time == 3), ", == 5:", sum(time == 5), "\n")
r1 <- timeROC(T = time, delta = event, marker = x1, cause = 1, weighting = "marginal", times = times, iid = TRUE)
r2 <- timeROC(T = time, delta = event, marker = x2, cause = 1, weighting = "marginal", times = times, iid = TRUE)
for (r in list(r1, r2)) {
  cat("AUC: "); f(r$AUC)
  cat("vect_sd_1: "); f(r$inference$vect_sd_1)
  cat("unrounded 95% CI lower: "); f(r$AUC - qnorm(0.975) * r$inference$vect_sd_1)
  cat("unrounded 95% CI upper: "); f(r$AUC + qnorm(0.975) * r$inference$vect_sd_1)
  cat("confint(r)$CI_AUC (percent, rounded to 2 decimals by timeROC):\n"); print(confint(r)$CI_AUC)
  cat("90% CI lower/upper (unrounded): "); f(c(r$AUC - qnorm(0.95) * r$inference$vect_sd_1,
                                              r$AUC + qnorm(0.95) * r$inference$vect_sd_1))
  cat("Stats: "); f(t(r$Stats))
  cat("iid[1:3, 2] (rows in order(time)): "); f(r$inference$mat_iid_rep_1[1:3, 2])
}
cat("compare(r1, r2)$p_values_AUC: "); f(compare(r1, r2)$p_values_AUC)
cat("sd of difference: "); f(apply(r1$inference$mat_iid_rep_1 - r2$inference$mat_iid_rep_1, 2, sd) / sqrt(n))
# Ties: the point estimate's weights come from prodlim's reverse Kaplan-Meier (pec::ipcw), which handles ties as a
# Kaplan-Meier does; the influence function of that Kaplan-Meier (timeROC's Compute.iid.KM) steps through the rows
# one at a time in order(time), so within a tied time it depends on the row order. Permuting rows within ties:
o <- order(time, -event)                     # censorings after events at equal times
r1b <- timeROC(T = time[o], delta = event[o], marker = x1[o], cause = 1, weighting = "marginal", times = times,
               iid = TRUE)
cat("AUC, rows sorted events first: "); f(r1b$AUC)
cat("vect_sd_1, rows sorted events first: "); f(r1b$inference$vect_sd_1)
