# Reference values for biomarker.elastic-net (io.daybreak.stats.biomarker.penalized), R 4.2.2, glmnet 4.1-6,
# survival 3.x. Run from the repository root:
#   Rscript docs/validation/r/biomarker/elastic-net.R
# It writes the simulated data set elastic-net-data.csv (committed, seeded, our own) and prints the Java
# literals pinned in tests/io.daybreak.methods.biomarker.tests/src/io/daybreak/methods/biomarker/penalized/.
suppressMessages({library(glmnet); library(survival)})
out <- "tests/io.daybreak.methods.biomarker.tests/src/io/daybreak/methods/biomarker/penalized/elastic-net-data.csv"
set.seed(20261203)
n <- 100; p <- 10
S <- 0.4^abs(outer(1:p, 1:p, "-"))
X <- matrix(rnorm(n * p), n, p) %*% chol(S)
X[, 3] <- 5 * X[, 3] + 2          # a feature on another scale
colnames(X) <- paste0("x", 1:p)
b <- c(1.5, -1, 0.4, 0, 0, 0.8, 0, 0, -0.5, 0)
eta <- drop(X %*% b) - 0.4 * 2 / 5 * 0
y <- eta + rnorm(n, sd = 1.5)
yb <- rbinom(n, 1, plogis(0.3 + 0.6 * drop(scale(X, scale = FALSE) %*% b) / 2))
haz <- exp(0.5 * drop(scale(X, scale = FALSE) %*% b) / 2)
tt <- rexp(n, haz)
cens <- rexp(n, 0.3)
time <- ceiling(pmin(tt, cens) * 4) / 4          # quarter units: many tied times
status <- as.integer(tt <= cens)
fold <- sample(rep(1:5, length.out = n))
d <- data.frame(X, y = y, yb = yb, time = time, status = status, fold = fold)
if (!file.exists(out)) {
  d17 <- d
  d17[] <- lapply(d, function(v) if (is.double(v)) sprintf("%.17g", v) else v)
  write.csv(d17, out, row.names = FALSE, quote = FALSE)
}
d <- read.csv(out)
X <- as.matrix(d[, paste0("x", 1:p)])
y <- d$y; yb <- d$yb; sv <- Surv(d$time, d$status); fold <- d$fold

jv <- function(v) paste0("{", paste(sprintf("%.17g", v), collapse = ", "), "}")
show <- function(label, fit, at) {
  cat("//", label, "\n")
  cat("lambda =", jv(fit$lambda), ";\n")
  cat("dev =", jv(fit$dev.ratio), ";\n")
  for (m in at) {
    cf <- as.numeric(coef(fit, s = fit$lambda[m], exact = FALSE))
    cat(sprintf("at %d (lambda %.17g): ", m, fit$lambda[m]), jv(cf), ";\n")
  }
}
pf <- c(0, 1, 1, 2, 1, 1, 0.5, 1, 1, 1)
at <- c(2, 5, 10, 20, 40)
T <- 1e-12
show("gaussian alpha=1: glmnet(X, y, thresh = 1e-12)", glmnet(X, y, thresh = T), at)
show("gaussian alpha=0.5 pf: glmnet(X, y, alpha = 0.5, penalty.factor = pf, thresh = 1e-12)",
     glmnet(X, y, alpha = 0.5, penalty.factor = pf, thresh = T), at)
show("gaussian alpha=0: glmnet(X, y, alpha = 0, thresh = 1e-12)", glmnet(X, y, alpha = 0, thresh = T), at)
show("gaussian alpha=0.5 standardize=FALSE: glmnet(X, y, alpha = 0.5, standardize = FALSE, thresh = 1e-12)",
     glmnet(X, y, alpha = 0.5, standardize = FALSE, thresh = T), at)
show("binomial alpha=1: glmnet(X, yb, family = 'binomial', thresh = 1e-12)",
     glmnet(X, yb, family = "binomial", thresh = T), at)
show("binomial alpha=0.5 pf: glmnet(X, yb, family = 'binomial', alpha = 0.5, penalty.factor = pf, thresh = 1e-12)",
     glmnet(X, yb, family = "binomial", alpha = 0.5, penalty.factor = pf, thresh = T), at)
show("binomial alpha=0: glmnet(X, yb, family = 'binomial', alpha = 0, thresh = 1e-12)",
     glmnet(X, yb, family = "binomial", alpha = 0, thresh = T), at)
show("cox alpha=1: glmnet(X, Surv(time, status), family = 'cox', thresh = 1e-12)",
     glmnet(X, sv, family = "cox", thresh = T), at)
show("cox alpha=0.5 pf: glmnet(X, Surv(time, status), family = 'cox', alpha = 0.5, penalty.factor = pf, thresh = 1e-12)",
     glmnet(X, sv, family = "cox", alpha = 0.5, penalty.factor = pf, thresh = T), at)
show("cox alpha=0: glmnet(X, Surv(time, status), family = 'cox', alpha = 0, thresh = 1e-12)",
     glmnet(X, sv, family = "cox", alpha = 0, thresh = T), at)

# Efron ties (glmnet 4.1-6/4.1-8 have no ties option): a ridge-penalised Cox fit is survival::coxph with
# ridge(theta = n * lambda) on the 1/n-standardised features; coefficients back-transformed by 1/sd.
sd1 <- apply(X, 2, function(v) sqrt(mean((v - mean(v))^2)))
Z <- scale(X, center = TRUE, scale = sd1)
for (ties in c("efron", "breslow")) for (lam in c(0.05, 0.2)) {
  f <- coxph(sv ~ ridge(Z, theta = n * lam, scale = FALSE), ties = ties,
             control = coxph.control(eps = 1e-14, iter.max = 200, toler.chol = 1e-15))
  cat(sprintf("// coxph(Surv(time, status) ~ ridge(Z, theta = %g * %g, scale = FALSE), ties = '%s') / sd:\n", n, lam, ties))
  cat(ties, lam, jv(coef(f) / sd1), ";\n")
}

# Wide data for the naive (p >= 500) gaussian updates: a deterministic design both sides compute
nw <- 60; pw <- 600
iw <- matrix(rep(0:(nw - 1), pw), nw); jw <- matrix(rep(0:(pw - 1), each = nw), nw)
XW <- ((iw * 7919 + jw * 104729 + iw * jw * 31) %% 1009) / 1009 - 0.5
yw <- 3 * XW[, 1] - 2 * XW[, 2] + XW[, 5] + ((0:(nw - 1) * 37) %% 11) / 11 - 0.5
show("gaussian wide alpha=1: glmnet(XW, yw, thresh = 1e-12)", glmnet(XW, yw, thresh = T), c(2, 5, 10, 20))
show("gaussian wide alpha=0.3: glmnet(XW, yw, alpha = 0.3, thresh = 1e-12)", glmnet(XW, yw, alpha = 0.3, thresh = T), c(2, 5, 10, 20))
pfw <- c(0, 1, 2, rep(1, pw - 3))
show("gaussian wide alpha=0.5 pf: glmnet(XW, yw, alpha = 0.5, penalty.factor = c(0, 1, 2, rep(1, 597)), thresh = 1e-12)",
     glmnet(XW, yw, alpha = 0.5, penalty.factor = pfw, thresh = T), c(2, 5, 10, 20))

cvshow <- function(label, cv) {
  cat("//", label, "\n")
  cat("cvm =", jv(cv$cvm), ";\n")
  cat("cvsd =", jv(cv$cvsd), ";\n")
  cat(sprintf("lambda.min = %.17g; lambda.1se = %.17g; nzero = %s;\n", cv$lambda.min, cv$lambda.1se, jv(cv$nzero)))
}
cvshow("cv gaussian: cv.glmnet(X, y, foldid = fold, thresh = 1e-12)", cv.glmnet(X, y, foldid = fold, thresh = T))
cvshow("cv binomial deviance: cv.glmnet(X, yb, family = 'binomial', foldid = fold, thresh = 1e-12)",
       cv.glmnet(X, yb, family = "binomial", foldid = fold, thresh = T))
cvshow("cv binomial auc: cv.glmnet(X, yb, family = 'binomial', type.measure = 'auc', foldid = fold, thresh = 1e-12)",
       cv.glmnet(X, yb, family = "binomial", type.measure = "auc", foldid = fold, thresh = T))
cvshow("cv cox deviance: cv.glmnet(X, Surv(time, status), family = 'cox', foldid = fold, thresh = 1e-12)",
       cv.glmnet(X, sv, family = "cox", foldid = fold, thresh = T))
cvshow("cv cox C: cv.glmnet(X, Surv(time, status), family = 'cox', type.measure = 'C', foldid = fold, thresh = 1e-12)",
       cv.glmnet(X, sv, family = "cox", type.measure = "C", foldid = fold, thresh = T))
