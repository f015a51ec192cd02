# Reference values for the lasso knockoff statistics of biomarker.knockoff (KnockoffLassoTest): functions of the R
# package knockoff 0.3.6 (github:cran/knockoff) sourced from its R/ directory (as knockoff.R does), glmnet 4.1-6
# (Debian r-cran-glmnet), R 4.2.2. Run from the worktree root:
#   KNOCKOFF_SRC=/tmp/src/knockoff Rscript docs/validation/r/biomarker/knockoff-lasso.R
# It writes the simulated data with the knockoff copy X~ and the fold ids (seeded, our own; committed) and prints
# the W vectors pinned in the test, which feeds the same X, X~, y (and folds) to Daybreak.
.libPaths(c("/work/Rlib", .libPaths()))
src <- Sys.getenv("KNOCKOFF_SRC", "/tmp/src/knockoff")
for (f in c("util.R", "solve_equi.R", "create_gaussian.R", "create_second_order.R", "stats_glmnet.R",
            "stats_lasso.R", "stats_glmnet_cv.R", "stats_lasso_cv.R", "knockoff_filter.R")) source(file.path(src, "R", f))
out <- "tests/io.daybreak.methods.biomarker.tests/src/io/daybreak/methods/biomarker/selection/knockoff-lasso-data.csv"
f <- function(x) cat(paste(sprintf("%.17g", x), collapse = ", "), "\n")
set.seed(20261203)
n <- 120; p <- 10
Sigma <- outer(1:p, 1:p, function(a, b) 0.5^abs(a - b))
X <- matrix(rnorm(n * p), n) %*% chol(Sigma)
y <- 1.5 * X[, 1] - 1.0 * X[, 3] + 0.8 * X[, 7] + rnorm(n)
Xk <- create.second_order(X, method = "equi")
foldid <- sample(rep(seq(10), length = n))            # as cv.glmnet draws its folds
colnames(X) <- paste0("x", 1:p); colnames(Xk) <- paste0("k", 1:p)
write.csv(data.frame(round(X, 6), round(Xk, 6), y = round(y, 6), fold = foldid), out, row.names = FALSE, quote = FALSE)
d <- read.csv(out)                                     # the rounded values Daybreak reads
X <- as.matrix(d[, 1:p]); Xk <- as.matrix(d[, p + 1:p]); y <- d$y; foldid <- d$fold
# lambda-signed-max: Z = lasso_max_lambda(cbind(X, Xk), y, method = "glmnet") without swap, then W
Z <- lasso_max_lambda(cbind(X, Xk), y, method = "glmnet")
cat("Z (no swap): "); f(Z)
cat("W lambdasmax (no swap): "); f(pmax(Z[1:p], Z[p + 1:p]) * sign(Z[1:p] - Z[p + 1:p]))
set.seed(7); cat("swap (set.seed(7); rbinom(p, 1, 0.5)): "); f(rbinom(p, 1, 0.5))
set.seed(7); cat("W stat.lasso_lambdasmax (set.seed(7)): "); f(stat.lasso_lambdasmax(X, Xk, y))
# coefficient difference at cv.glmnet's lambda.min with the given folds (stat.lasso_coefdiff passes foldid on)
set.seed(7); w <- suppressWarnings(stat.lasso_coefdiff(X, Xk, y, foldid = foldid))
cat("W stat.lasso_coefdiff (set.seed(7), foldid): "); f(w)
Xs <- scale(cbind(X, Xk)); lmax <- max(abs(t(Xs) %*% y)) / n
lam <- lmax * (1 / 2e3)^((0:499) / 500)
cv <- glmnet::cv.glmnet(Xs, y, lambda = lam, standardize = FALSE, foldid = foldid)
cat("lambda.min (no swap): "); f(cv$lambda.min); cat("index: ", which(cv$lambda == cv$lambda.min), "\n")
cf <- as.numeric(coef(cv, s = "lambda.min"))[-1]
cat("W coefdiff (no swap): "); f(abs(cf[1:p]) - abs(cf[p + 1:p]))
# the same with glmnet converged tightly (thresh = 1e-14, passed on to glmnet / cv.glmnet): lambda.min sits where
# the CV error is flat, so at the default thresh = 1e-7 solver noise can move it a grid step (the swap above did)
set.seed(7); cat("W stat.lasso_lambdasmax (set.seed(7), thresh = 1e-14): "); f(stat.lasso_lambdasmax(X, Xk, y, thresh = 1e-14))
cat("Z (no swap, thresh = 1e-14): "); f(lasso_max_lambda(cbind(X, Xk), y, method = "glmnet", thresh = 1e-14))
set.seed(7); w <- suppressWarnings(stat.lasso_coefdiff(X, Xk, y, foldid = foldid, thresh = 1e-14))
cat("W stat.lasso_coefdiff (set.seed(7), foldid, thresh = 1e-14): "); f(w)
cv <- glmnet::cv.glmnet(Xs, y, lambda = lam, standardize = FALSE, foldid = foldid, thresh = 1e-14)
cat("lambda.min (thresh = 1e-14): "); f(cv$lambda.min); cat("index: ", which(cv$lambda == cv$lambda.min), "\n")
cat("coef at lambda.min (thresh = 1e-14, no swap): "); f(as.numeric(coef(cv, s = "lambda.min"))[-1])
cat("knockoff.threshold(W lambdasmax, fdr = 0.2): "); f(knockoff.threshold(pmax(Z[1:p], Z[p + 1:p]) * sign(Z[1:p] - Z[p + 1:p]), 0.2))
