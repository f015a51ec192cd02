# Reference values for the CDISC transport files and the ADaM survival defaults (docs/data-cdisc.md).
# R 4.2.2, foreign 0.8.84, survival 3.5.3, haven 2.5.1 (Debian 12).
# PILOT: the folder with the SAS-written pilot files adsl.xpt, adtte.xpt, adae.xpt of
# https://github.com/phuse-org/phuse-scripts (data/adam/cdisc/, commit 11b416b7b379f6094caccbc1f9069713033500c4).
# OURS: a transport file Daybreak wrote from tests/io.daybreak.data.tests/resources/dataset-json/adtte.json
#   (XportTest.datasetJsonDatesBecomeSasDates writes it).
# Rscript pilot-adtte.R PILOT OURS > pilot-adtte.out
library(foreign); library(survival)
args <- commandArgs(trailingOnly = TRUE)
pilot <- args[1]
a <- read.xport(file.path(pilot, "adtte.xpt"))
cat("adtte rows", nrow(a), "cols", ncol(a), "sum AVAL", sum(a$AVAL), "\n")
print(table(a$PARAMCD)); print(table(a$CNSR)); print(table(a$TRTP))
f <- survfit(Surv(AVAL, 1 - CNSR) ~ TRTP, data = a)
print(summary(f)$table[, c("records", "events", "median", "0.95LCL", "0.95UCL")], digits = 10)
print(summary(survfit(Surv(AVAL, 1 - CNSR) ~ 1, data = a))$table, digits = 10)
m <- coxph(Surv(AVAL, 1 - CNSR) ~ TRTP, data = a)
print(coef(m), digits = 15); print(sqrt(diag(vcov(m))), digits = 15)
print(survdiff(Surv(AVAL, 1 - CNSR) ~ TRTP, data = a)$chisq, digits = 15)
s <- read.xport(file.path(pilot, "adsl.xpt")); cat("adsl", nrow(s), ncol(s), "\n")
print(s[1, c("USUBJID", "AGE", "HEIGHTBL", "WEIGHTBL", "BMIBL", "TRT01P")])
cat("sum BMIBL", sum(s$BMIBL, na.rm = TRUE), "missing", sum(is.na(s$BMIBL)), "\n")
e <- read.xport(file.path(pilot, "adae.xpt")); cat("adae", nrow(e), ncol(e), "\n")
print(e[c(1, 1191), c("USUBJID", "AEDECOD", "ASTDT", "AENDT", "AESEQ")])
if (length(args) > 1) {
  ours <- read.xport(args[2])
  cat("ours", nrow(ours), ncol(ours), "ADT[1:3]", ours$ADT[1:3], "\n")
  info <- lookup.xport(args[2])$ADTTE
  print(data.frame(name = info$name, label = info$label, format = info$format)[c(1, 20), ])
  cat("equal to SAS's file:", isTRUE(all.equal(ours, a, check.attributes = FALSE)), "\n")
  print(haven::read_xpt(args[2])$ADT[1])
}
