# Reference values for biomarker.roc (RocTest): R 4.2.2, pROC 1.18.0. Run: Rscript roc.R
# Deterministic data (no RNG): 60 patients, every third a case; two markers with ties between cases and controls.
library(pROC)
f <- function(x) cat(paste(sprintf("%.17g", x), collapse = ", "), "\n")
i <- 1:60
status <- as.integer(i %% 3 == 0)
m1 <- ((37 * i) %% 101) / 10 + 2 * status
m2 <- ((53 * i) %% 97) / 10 + 1.2 * status + ((11 * i) %% 7) / 5
r1 <- roc(status, m1, quiet = TRUE)          # direction auto: "<"
r2 <- roc(status, m2, quiet = TRUE)
cat("auc1, auc2: "); f(c(auc(r1), auc(r2)))
cat("ci1 delong: "); f(ci.auc(r1, method = "delong"))
cat("ci2 delong 0.9: "); f(ci.auc(r2, conf.level = 0.9, method = "delong"))
cat("var1 delong: "); f(var(r1, method = "delong"))
t <- roc.test(r1, r2, method = "delong", paired = TRUE)
cat("roc.test z, p: "); f(c(t$statistic, t$p.value))
cat("best1 (threshold, specificity, sensitivity): "); f(unlist(coords(r1, "best", ret = c("threshold", "specificity", "sensitivity"))))
cat("best2: "); f(unlist(coords(r2, "best", ret = c("threshold", "specificity", "sensitivity"))))
cat("number of thresholds r1: ", length(r1$thresholds), "\n")
cat("r1 thresholds[c(1, 2, 30, length)]: "); f(r1$thresholds[c(1, 2, 30, length(r1$thresholds))])
cat("r1 sens[30], spec[30]: "); f(c(r1$sensitivities[30], r1$specificities[30]))
# a marker where low values indicate a case: direction ">" chosen by auto
r3 <- roc(status, -m1, quiet = TRUE)
cat("r3 direction, auc: ", r3$direction, sprintf("%.17g", auc(r3)), "\n")
cat("best3: "); f(unlist(coords(r3, "best", ret = c("threshold", "specificity", "sensitivity"))))
