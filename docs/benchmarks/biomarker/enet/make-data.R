# Benchmark data for biomarker.elastic-net: 500 patients x 20,000 features, seeded, written as raw little-endian
# doubles (column-major) to the directory given (default /tmp/enet-bench); not committed.
#   Rscript docs/benchmarks/biomarker/enet/make-data.R [dir]
args <- commandArgs(TRUE)
dir <- if (length(args)) args[1] else "/tmp/enet-bench"
dir.create(dir, showWarnings = FALSE, recursive = TRUE)
set.seed(18)
n <- 500; p <- 20000
x <- matrix(rnorm(n * p), n, p)
b <- c(seq(1, 0.1, length.out = 20), rep(0, p - 20))
eta <- drop(x[, 1:20] %*% b[1:20])
y <- eta + rnorm(n, sd = 2)
yb <- rbinom(n, 1, plogis(eta / 2))
foldid <- sample(rep(1:10, length.out = n))
writeBin(as.vector(x), file.path(dir, "x.bin"), endian = "little")
writeBin(y, file.path(dir, "y.bin"), endian = "little")
writeBin(as.double(yb), file.path(dir, "yb.bin"), endian = "little")
writeBin(as.double(foldid), file.path(dir, "foldid.bin"), endian = "little")
cat("wrote", n, "x", p, "to", dir, "\n")
