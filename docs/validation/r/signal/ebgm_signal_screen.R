# Pair counts of examples/signal-screen/reports.csv (stratified by sex, age group and year), counted by
# openEBGM::processRaw, and openEBGM's prior fitted to them from the vignette's five starts.
# Writes tests/io.daybreak.methods.signal.tests/resources/ebgm-signal-screen-pairs.csv (drug, event, N, E) for the
# regression test EbgmSignalScreenTest. reports.csv is ours (examples/signal-screen/make-data.R).
# Run: Rscript docs/validation/r/signal/ebgm_signal_screen.R   (openEBGM 0.9.1 in /work/Rlib)
.libPaths(c("/work/Rlib", .libPaths()))
suppressPackageStartupMessages(library(openEBGM))
here <- dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))))
root <- file.path(here, "../../../..")
r <- read.csv(file.path(root, "examples/signal-screen/reports.csv"), stringsAsFactors = FALSE)
dat <- data.frame(id = r$report_id, var1 = r$drug, var2 = r$event, strat_sex = r$sex, strat_age = r$age_group,
                  strat_year = as.character(r$year))
proc <- processRaw(dat, stratify = TRUE, zeroes = FALSE)
out <- data.frame(drug = as.character(proc$var1), event = as.character(proc$var2),
                  N = proc$N, E = sprintf("%.17g", proc$E))
write.csv(out, file.path(root, "tests/io.daybreak.methods.signal.tests/resources/ebgm-signal-screen-pairs.csv"),
          row.names = FALSE, quote = FALSE)
cat("pairs:", nrow(out), "\n")
theta_init <- data.frame(alpha1 = c(0.2, 0.1, 0.3, 0.5, 0.2), beta1 = c(0.1, 0.1, 0.5, 0.3, 0.2),
  alpha2 = c(2, 10, 6, 12, 5), beta2 = c(4, 10, 6, 12, 5), p = c(1/3, 0.2, 0.5, 0.8, 0.4))
fit <- autoHyper(proc, theta_init = theta_init, squashed = FALSE)
print(fit)
print(sprintf("%.17g", fit$estimates))
ex <- exploreHypers(proc, theta_init = theta_init, squashed = FALSE)
print(ex, digits = 10)
th <- fit$estimates
cat("negLL at estimate:", sprintf("%.17g", negLL(th, proc$N, proc$E, N_star = 1)), "\n")
