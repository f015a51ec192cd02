# Reference values on c212's own documented example data (c212.trial.data, c212.FDR.data), for the optional test
# AeC212ExamplesTest, which reads those data from the c212 source named by DAYBREAK_C212_DATA (its data/ folder)
# and skips when that is unset. No c212 data is committed; only the values below.
#   Rscript ae-c212-examples.R > ae-c212-examples.out
.libPaths(c("/work/Rlib", .libPaths()))
suppressMessages({library(coda); library(c212)})
options(digits = 17)
data(c212.trial.data); data(c212.FDR.data)
fi <- c212.fisher.test(c212.trial.data)
cat("trial.data fisher rows:", nrow(fi), "\n")
cat("fisher p (B, AE order of c212.fisher.test) =", paste(sprintf("%.17g", fi$p), collapse = ", "), "\n")
cat("fisher AE =", paste(fi$AE, collapse = ","), "\n")
for (a in c(0.05, 0.1, 0.2)) {
  s <- c212.err.cntrl(fi, alpha = a, method = "DFDR")
  cat("trial.data DFDR alpha", a, ":", if (is.null(s) || nrow(s) == 0) "none" else paste(sort(s$AE), collapse = ","), "\n")
  s <- c212.err.cntrl(fi, alpha = a, method = "BH")
  cat("trial.data BH alpha", a, ":", if (is.null(s) || nrow(s) == 0) "none" else paste(sort(s$AE), collapse = ","), "\n")
}
cat("FDR.data rows:", nrow(c212.FDR.data), "\n")
for (a in c(0.05, 0.1, 0.2)) {
  s <- c212.err.cntrl(c212.FDR.data, alpha = a, method = "DFDR")
  cat("FDR.data DFDR alpha", a, ":", if (is.null(s) || nrow(s) == 0) "none" else paste(sort(s$AE), collapse = ","), "\n")
}
