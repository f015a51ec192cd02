# cv.glmnet on make-data.R's data, timed after loading (elapsed seconds), with the same foldid as EnetBench.
#   Rscript docs/benchmarks/biomarker/enet/cvglmnet.R [dir] [gaussian|binomial] [repeats]
suppressMessages(library(glmnet))
args <- commandArgs(TRUE)
dir <- if (length(args) > 0) args[1] else "/tmp/enet-bench"
family <- if (length(args) > 1) args[2] else "gaussian"
repeats <- if (length(args) > 2) as.integer(args[3]) else 3
y <- readBin(file.path(dir, if (family == "binomial") "yb.bin" else "y.bin"), "double", 1e6, endian = "little")
n <- length(y)
x <- matrix(readBin(file.path(dir, "x.bin"), "double", 1e8, endian = "little"), n)
foldid <- readBin(file.path(dir, "foldid.bin"), "double", n, endian = "little")
for (r in seq_len(repeats)) {
  t <- system.time(cv <- cv.glmnet(x, y, family = family, foldid = foldid))["elapsed"]
  cat(sprintf("R glmnet %s %s n=%d p=%d: %.2f s (lambdas %d, lambda.min %.6g, lambda.1se %.6g, nzero.min %d)\n",
              packageVersion("glmnet"), family, n, ncol(x), t, length(cv$lambda), cv$lambda.min, cv$lambda.1se,
              cv$nzero[cv$index[1]]))
}
