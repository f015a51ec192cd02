# Reference values for biomarker.modified-covariate (ModifiedCovariateTest): R 4.2.2, glmnet 4.1-6, survival.
# Simulates the committed modified-covariate-data.csv (seeded, our own) and fits glmnet to the modified covariates
# W = [T/2, X * T/2] (T = +1 treated, -1 control; the T/2 column unpenalised), as Tian et al. (2014).
# Run from the repository root: Rscript docs/validation/r/biomarker/modified-covariate.R
suppressMessages({library(glmnet); library(survival)})
out <- "tests/io.daybreak.methods.biomarker.tests/src/io/daybreak/methods/biomarker/predictive/modified-covariate-data.csv"
set.seed(20261204)
n <- 150; p <- 8
X <- round(matrix(rnorm(n * p), n, p), 4); colnames(X) <- paste0("m", 1:p)
trt <- rbinom(n, 1, 0.5); T <- 2 * trt - 1
y <- round(0.5 + X[, 1] + 0.3 * T + 0.8 * T * X[, 3] + rnorm(n), 4)         # m1 prognostic, m3 predictive
yb <- rbinom(n, 1, plogis(-0.2 + 0.8 * X[, 1] + 0.2 * T + 0.9 * T * X[, 3]))
tt <- rexp(n, 0.1 * exp(0.6 * X[, 1] - 0.2 * T - 0.7 * T * X[, 3])); cc <- rexp(n, 0.03)
time <- round(pmin(tt, cc), 2); status <- as.integer(tt <= cc)
write.csv(data.frame(X, trt, y, yb, time, status), out, row.names = FALSE, quote = FALSE)
d <- read.csv(out)
X <- as.matrix(d[, paste0("m", 1:p)]); T <- 2 * d$trt - 1
W <- cbind(T / 2, X * T / 2)
pf <- c(0, rep(1, p))
jv <- function(v) paste0("{", paste(sprintf("%.17g", v), collapse = ", "), "}")
show <- function(label, fit, at) {
  cat("//", label, "\n")
  for (m in at) cat(sprintf("step %d lambda %.17g coef ", m, fit$lambda[m]), jv(as.numeric(coef(fit)[, m])), "\n")
}
at <- c(5, 10, 20)
show("gaussian: glmnet(W, y, penalty.factor = pf, thresh = 1e-12)", glmnet(W, d$y, penalty.factor = pf, thresh = 1e-12), at)
show("binomial: glmnet(W, yb, family = 'binomial', penalty.factor = pf, thresh = 1e-12)",
     glmnet(W, d$yb, family = "binomial", penalty.factor = pf, thresh = 1e-12), at)
show("cox: glmnet(W, Surv(time, status), family = 'cox', penalty.factor = pf, thresh = 1e-12)",
     glmnet(W, Surv(d$time, d$status), family = "cox", penalty.factor = pf, thresh = 1e-12), at)
