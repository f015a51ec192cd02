# Optional, run locally, not in CI: R's values on the SAS-written CDISC pilot ADaM transport files, which are not in
# the repository (where to get them: docs/data.md, "The CDISC pilot data, locally"). Its output is not
# committed; the figures it printed (R 4.2.2, foreign 0.8.84, survival 3.5.3, Debian 12) are recorded in
# docs/data.md and checked by XportPilotTest and AdamSurvivalTest.theCdiscPilotAdtteWhenItIsThere.
#   Rscript docs/validation/r/cdisc/pilot-adtte.R PILOT
# PILOT: the folder holding adsl.xpt, adtte.xpt and adae.xpt.
suppressPackageStartupMessages({ library(foreign); library(survival) })
pilot <- commandArgs(trailingOnly = TRUE)[1]
a <- read.xport(file.path(pilot, "adtte.xpt"))
cat("adtte rows", nrow(a), "cols", ncol(a), "sum AVAL", sum(a$AVAL), "\n")
print(table(a$PARAMCD)); print(table(a$CNSR)); print(table(a$TRTP))
f <- survfit(Surv(AVAL, 1 - CNSR) ~ TRTP, data = a)
print(summary(f)$table[, c("records", "events", "median", "0.95LCL", "0.95UCL")], digits = 10)
m <- coxph(Surv(AVAL, 1 - CNSR) ~ TRTP, data = a)
print(coef(m), digits = 15); print(sqrt(diag(vcov(m))), digits = 15)
print(survdiff(Surv(AVAL, 1 - CNSR) ~ TRTP, data = a)$chisq, digits = 15)
s <- read.xport(file.path(pilot, "adsl.xpt"))
cat("adsl", nrow(s), ncol(s), "sum BMIBL", sum(s$BMIBL, na.rm = TRUE), "missing", sum(is.na(s$BMIBL)), "\n")
e <- read.xport(file.path(pilot, "adae.xpt")); cat("adae", nrow(e), ncol(e), "\n")
