# As bfboin-reference.R, with the paper's n.earlystop = 9 (the trial stops once 9 patients are at a dose the
# rule keeps) and scenarios 2-4: reference operating characteristics of BF-BOIN from the openpharma bfboin
# package (an independent implementation of Zhao, Yuan, Korn & Freidlin, Clin Cancer Res 30:673, 2024), for
# BackfillBfBoinTest, to set beside the paper's Table 4.
# bfboin 0.1.1 (github openpharma/bfboin, commit 03a1b836ee699b95aa46d38a07b11f22759f00b3), BOIN 2.7.2, R 4.2.2.
# Run once:  Rscript docs/validation/r/backfill/bfboin-earlystop.R > docs/validation/r/backfill/bfboin-earlystop.out
# Trials are simulated one at a time with bfboin:::sim.one.trial (what get.oc.bf maps over) so that the
# per-trial spread gives each mean's standard error; get.oc.bf itself returns only the means.
.libPaths(c("/work/Rlib", .libPaths()))
library(bfboin)
scenarios <- list(
  # Table 3 of Zhao et al. 2024, scenarios 2, 3 and 4 (DLT and response probabilities per dose)
  s2 = list(p = c(0.12, 0.25, 0.42, 0.49, 0.55), r = c(0.2, 0.3, 0.4, 0.5, 0.6)),
  s3 = list(p = c(0.04, 0.12, 0.25, 0.43, 0.63), r = c(0.1, 0.2, 0.3, 0.45, 0.58)),
  s4 = list(p = c(0.02, 0.06, 0.1, 0.25, 0.4), r = c(0.05, 0.1, 0.15, 0.3, 0.45))
)
ntrial <- 10000
for (name in names(scenarios)) {
  sc <- scenarios[[name]]
  set.seed(2026)
  res <- lapply(seq_len(ntrial), function(i) bfboin:::sim.one.trial(trial.id = i, target = 0.25, p.true = sc$p,
    ncohort = 10, cohortsize = 3, n.earlystop = 9, startdose = 1, p.saf = 0.6 * 0.25, p.tox = 1.4 * 0.25,
    cutoff.eli = 0.95, extrasafe = FALSE, offset = 0.05, boundMTD = FALSE, n.cap = 12, end.backfill = TRUE,
    n.per.month = 3, dlt.window = 1, p.response.true = sc$r, three.plus.three = FALSE, accrual = "uniform",
    backfill.assign = "highest"))
  n <- t(sapply(res, function(x) x$n))
  y <- t(sapply(res, function(x) x$y))
  sel <- sapply(res, function(x) x$dselect[1])
  dur <- sapply(res, function(x) x$max.t[1])
  tot <- rowSums(n)
  cat(name, "p.true", sc$p, "response", sc$r, "ntrial", ntrial, "\n")
  cat(name, "selpercent", sprintf("%.3f", sapply(seq_along(sc$p), function(d) 100 * mean(sel == d))), "\n")
  cat(name, "percentstop", sprintf("%.3f", 100 * mean(sel == 99)), "\n")
  cat(name, "npatients", sprintf("%.5f", colMeans(n)), "\n")
  cat(name, "npatientsSe", sprintf("%.5f", apply(n, 2, sd) / sqrt(ntrial)), "\n")
  cat(name, "ntox", sprintf("%.5f", colMeans(y)), "\n")
  cat(name, "ntoxSe", sprintf("%.5f", apply(y, 2, sd) / sqrt(ntrial)), "\n")
  cat(name, "totaln", sprintf("%.5f", mean(tot)), "se", sprintf("%.5f", sd(tot) / sqrt(ntrial)), "\n")
  cat(name, "duration", sprintf("%.5f", mean(dur)), "se", sprintf("%.5f", sd(dur) / sqrt(ntrial)), "\n")
}
