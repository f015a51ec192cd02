# Reference values for the ADaM survival defaults (docs/data.md) on the synthetic ADTTE written by
# make-adam.R (haven), read here with foreign::read.xport (R's own transport reader, independent of haven's writer
# and of Daybreak's reader).
# R 4.2.2, foreign 0.8.84, survival 3.5.3 (Debian 12). Run from the repository root:
#   Rscript docs/validation/r/cdisc/adam-survival.R > docs/validation/r/cdisc/adam-survival.out
# Pinned in AdamSurvivalTest (io.daybreak.methods.stats.tests), AdamTransportRunTest (io.daybreak.console.tests)
# and XportTest (io.daybreak.data.tests).
suppressPackageStartupMessages({ library(foreign); library(survival) })
xpt <- "tests/io.daybreak.data.tests/resources/xpt"
a <- read.xport(file.path(xpt, "adtte.xpt"))
cat("adtte rows", nrow(a), "cols", ncol(a), "sum AVAL", sum(a$AVAL), "\n")
print(table(a$PARAMCD, a$CNSR))
print(levels(factor(a$TRTP)))
for (p in c("OS", "PFS")) {
  d <- a[a$PARAMCD == p, ]
  cat("\n==== PARAMCD", p, "====\n")
  cat("> survfit(Surv(AVAL, 1 - CNSR) ~ TRTP, data = d)\n")
  f <- survfit(Surv(AVAL, 1 - CNSR) ~ TRTP, data = d)
  print(summary(f)$table[, c("records", "events", "median", "0.95LCL", "0.95UCL")], digits = 10)
  cat("> survfit(Surv(AVAL, 1 - CNSR) ~ 1, data = d)\n")
  print(summary(survfit(Surv(AVAL, 1 - CNSR) ~ 1, data = d))$table[c("records", "events", "median", "0.95LCL", "0.95UCL")],
        digits = 10)
  cat("> coxph(Surv(AVAL, 1 - CNSR) ~ TRTP, data = d)   # Efron ties\n")
  m <- coxph(Surv(AVAL, 1 - CNSR) ~ TRTP, data = d)
  cat("coef\n"); print(coef(m), digits = 15)
  cat("se\n"); print(sqrt(diag(vcov(m))), digits = 15)
  cat("HR\n"); print(exp(coef(m)), digits = 15)
  cat("> survdiff(Surv(AVAL, 1 - CNSR) ~ TRTP, data = d)$chisq\n")
  print(survdiff(Surv(AVAL, 1 - CNSR) ~ TRTP, data = d)$chisq, digits = 15)
}

cat("\n==== the other transport files ====\n")
s <- read.xport(file.path(xpt, "adsl.xpt"))
cat("adsl", nrow(s), ncol(s), "sum AGE", sum(s$AGE), "sum BMIBL", format(sum(s$BMIBL, na.rm = TRUE), digits = 15),
    "missing BMIBL", sum(is.na(s$BMIBL)), "\n")
cat("adsl row 1: TRTSDT", s$TRTSDT[1], "TRTSDTM", s$TRTSDTM[1], "TRTSTM", s$TRTSTM[1], "HEIGHTBL", s$HEIGHTBL[1], "\n")
info <- lookup.xport(file.path(xpt, "adsl.xpt"))$ADSL
print(data.frame(name = info$name, label = info$label, format = info$format, length = info$width)[c(11, 13:15), ])
e <- read.xport(file.path(xpt, "adae.xpt"))
cat("adae", nrow(e), ncol(e), "missing AENDT", sum(is.na(e$AENDT)), "\n")
print(table(e$TRTA, e$AETOXGR))
# adtte-v8.xpt (transport version 8) is not read by foreign; XportTest checks that it holds adtte.xpt's values.
