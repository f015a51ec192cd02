# Reference values for the time-dependent ROC of biomarker.roc (TimeRocTest): R 4.2.2, timeROC 0.4.1
# (github:cran/timeROC, installed into /work/Rlib) with pec 2022.05.04 (Debian r-cran-pec). Run: Rscript timeroc.R
.libPaths(c("/work/Rlib", .libPaths()))
library(timeROC); library(survival)
f <- function(x) cat(paste(sprintf("%.17g", x), collapse = ", "), "\n")
# Deterministic data (no RNG): 80 patients, marker with ties, no tied times
i <- 1:80
x <- round(((29 * i) %% 83) / 8 * 2) / 2
u <- (((31 * i) %% 79) + 0.5) / 79
time <- -log(u) * ifelse(x > 6, 4, 10) + i / 1000
event <- as.integer((i %% 5) != 0)
r <- timeROC(T = time, delta = event, marker = x, cause = 1, weighting = "marginal", times = c(3, 8), ROC = TRUE,
             iid = FALSE)
cat("AUC at 3, 8: "); f(r$AUC)
cat("TP at 8 [1:5]: "); f(r$TP[1:5, 2])
cat("FP at 8 [1:5]: "); f(r$FP[1:5, 2])
cat("rows: ", nrow(r$TP), "\n")
cat("time[1:4]: "); f(time[1:4])
