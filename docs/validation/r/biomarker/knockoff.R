# Reference values for biomarker.knockoff (KnockoffTest): functions of the R package knockoff 0.3.6
# (github:cran/knockoff), sourced from its R/ directory because its SDP dependency Rdsdp is not installed here;
# create.solve_equi needs RSpectra. Run: KNOCKOFF_SRC=/tmp/src/knockoff Rscript knockoff.R
src <- Sys.getenv("KNOCKOFF_SRC", "/tmp/src/knockoff")
for (f in c("util.R", "solve_equi.R", "knockoff_filter.R")) source(file.path(src, "R", f))
f <- function(x) cat(paste(sprintf("%.17g", x), collapse = ", "), "\n")

# pinned W vectors (no RNG): ties, zeros, negatives
W1 <- c(3.1, -0.4, 2.2, 0, 1.7, -1.7, 0.9, 2.2, -0.2, 4.5, 0.6, -0.6, 1.2, 3.3, 0.05, 2.9, -2.5, 1.9, 0.3, 5.0)
j <- 1:60
W2 <- round(sin(7 * j) * 3 + ifelse(j <= 15, 4, 0), 3)
for (fdr in c(0.05, 0.1, 0.2, 0.3)) for (off in c(1, 0)) {
  cat("W1 fdr", fdr, "offset", off, ": "); f(knockoff.threshold(W1, fdr = fdr, offset = off))
  cat("W2 fdr", fdr, "offset", off, ": "); f(knockoff.threshold(W2, fdr = fdr, offset = off))
}
# equicorrelated s for pinned covariance matrices
ar <- function(p, rho, sd) outer(1:p, 1:p, function(a, b) rho^abs(a - b)) * outer(sd, sd)
S1 <- ar(6, 0.5, c(1, 2, 0.5, 1.5, 1, 3))
cat("solve_equi(S1): "); f(create.solve_equi(S1))
S2 <- matrix(0.6, 5, 5); diag(S2) <- 1
cat("solve_equi(S2): "); f(create.solve_equi(S2))
S3 <- ar(4, 0.2, c(1, 1, 1, 1))
cat("solve_equi(S3): "); f(create.solve_equi(S3))
