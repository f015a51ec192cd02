# design.blrm-map-prior's bivariate normal mixture fit (MapMixtureFit: EM from Hipparchus, AIC with penalty 6)
# against RBesT 1.7-2's mixfit/automixfit(type = "mvnorm") on a deterministic sample that Java rebuilds exactly:
# draw i = 1..N: u = frac(i * g1), v = frac(i * g2) (additive recurrences, g1 = 0.7548776662466927,
# g2 = 0.5698402909980532), z = (qnorm(u), qnorm(v)); draws 1..0.7N from component A, the rest from B:
# A: mean (-2.0, 0.3), sds (0.5, 0.45), correlation -0.5; B: mean (-1.2, -0.2), sds (1.2, 0.8), correlation 0.2.
# Run: Rscript mixture-fit.R > mixture-fit.out (R_LIBS=/path/to/RBesT library)
suppressMessages(library(RBesT))
N <- 4000
g1 <- 0.7548776662466927; g2 <- 0.5698402909980532
i <- 1:N
u <- (i * g1) %% 1; v <- (i * g2) %% 1
z1 <- qnorm(u); z2 <- qnorm(v)
comp <- function(z1, z2, m, s, r) cbind(m[1] + s[1] * z1, m[2] + s[2] * (r * z1 + sqrt(1 - r^2) * z2))
nA <- 0.7 * N
X <- rbind(comp(z1[1:nA], z2[1:nA], c(-2.0, 0.3), c(0.5, 0.45), -0.5),
           comp(z1[(nA + 1):N], z2[(nA + 1):N], c(-1.2, -0.2), c(1.2, 0.8), 0.2))
cat(sprintf("sample checks: X[1,] = %.15f %.15f; X[N,] = %.15f %.15f; colMeans = %.15f %.15f\n",
            X[1, 1], X[1, 2], X[N, 1], X[N, 2], mean(X[, 1]), mean(X[, 2])))
show <- function(fit, label) {
  cat(label, "\n")
  p <- unclass(fit)
  attributes(p) <- list(dim = dim(p), dimnames = dimnames(p))
  print(p, digits = 10)
  cat(sprintf("logLik %.8f  AIC(k=6) %.6f\n", as.numeric(logLik(fit)), AIC(fit, k = 6)))
}
set.seed(20261203)
for (nc in 1:4) {
  fit <- mixfit(X, type = "mvnorm", Nc = nc, Niter.max = 5000, tol = 1e-12)
  show(fit, paste0("== mixfit Nc = ", nc, " (tol 1e-12)"))
}
set.seed(20261203)
best <- automixfit(X, type = "mvnorm")
cat("== automixfit (defaults: Nc 1:4, k = 6) chose", ncol(best), "components\n")
