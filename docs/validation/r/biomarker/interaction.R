# Reference values for biomarker.interaction (InteractionTest): R 4.2.2, stats::glm, survival::coxph (Efron ties).
# Simulates the committed test data (seeded) and prints the fits and the contrasts computed from vcov.
# Run from the repository root: Rscript docs/validation/r/biomarker/interaction.R
# (writes tests/io.daybreak.methods.biomarker.tests/src/io/daybreak/methods/biomarker/predictive/interaction-data.csv)
library(survival)
f <- function(x) cat(paste(sprintf("%.17g", x), collapse = ", "), "\n")
set.seed(20261203)
n <- 240
trt <- rbinom(n, 1, 0.5)
marker <- round(rnorm(n), 3)
group <- ifelse(marker < -0.4, "g1", ifelse(marker < 0.5, "g2", "g3"))
age <- round(runif(n, 40, 80))
sex <- sample(c("F", "M"), n, replace = TRUE)
y <- round(1 + 0.5 * trt + 0.8 * marker + 0.6 * trt * marker + 0.02 * age + rnorm(n), 4)
yb <- rbinom(n, 1, plogis(-0.5 + 0.3 * trt + 0.5 * marker + 0.8 * trt * marker))
rate <- 0.1 * exp(0.5 * marker - 0.4 * trt - 0.6 * trt * marker + 0.01 * (age - 60))
tt <- rexp(n, rate); cc <- rexp(n, 0.05)
time <- round(pmin(tt, cc), 2); event <- as.integer(tt <= cc)
d <- data.frame(trt, marker, group, age, sex, y, yb, time, event)
write.csv(d, "tests/io.daybreak.methods.biomarker.tests/src/io/daybreak/methods/biomarker/predictive/interaction-data.csv",
          row.names = FALSE, quote = FALSE)
d <- read.csv("tests/io.daybreak.methods.biomarker.tests/src/io/daybreak/methods/biomarker/predictive/interaction-data.csv")
contrast <- function(fit, L, df = Inf) {
  est <- sum(L * coef(fit)); se <- sqrt(drop(t(L) %*% vcov(fit) %*% L))
  q <- if (is.finite(df)) qt(0.975, df) else qnorm(0.975)
  p <- if (is.finite(df)) 2 * pt(-abs(est / se), df) else 2 * pnorm(-abs(est / se))
  f(c(est, se, est / se, p, est - q * se, est + q * se))
}
joint <- function(fit, idx, df = Inf) {
  b <- coef(fit)[idx]; W <- drop(t(b) %*% solve(vcov(fit)[idx, idx]) %*% b); k <- length(idx)
  if (is.finite(df)) f(c(W / k, pf(W / k, k, df, lower.tail = FALSE))) else f(c(W, pchisq(W, k, lower.tail = FALSE)))
}
# converged tightly (Daybreak iterates to a relative change of 1e-13; R stops at 1e-8 (glm) / 1e-9 (coxph), which leaves standard errors off by up to 2e-7)
gc <- glm.control(epsilon = 1e-14, maxit = 100); cc <- coxph.control(eps = 1e-13, toler.chol = 1e-15, iter.max = 100)
cat("n events:", nrow(d), sum(d$event), "\n")
# 1. gaussian, continuous marker, adjusted for age + sex
g <- glm(y ~ trt * marker + age + sex, data = d, family = gaussian, control = gc)
cat("gaussian coef:"); f(coef(g)); cat("gaussian se:"); f(sqrt(diag(vcov(g)))); cat("df.residual:", g$df.residual, "\n")
for (v in c(-1, 0, 1.5)) { cat("gaussian trt at", v, ": est se t p lo hi: "); contrast(g, c(0, 1, 0, 0, 0, v), g$df.residual) }
cat("gaussian marker | control: "); contrast(g, c(0, 0, 1, 0, 0, 0), g$df.residual)
cat("gaussian marker | treatment: "); contrast(g, c(0, 0, 1, 0, 0, 1), g$df.residual)
cat("gaussian trt:marker: "); contrast(g, c(0, 0, 0, 0, 0, 1), g$df.residual)
# 2. binomial, continuous marker, unadjusted
b <- glm(yb ~ trt * marker, data = d, family = binomial, control = gc)
cat("binomial coef:"); f(coef(b)); cat("binomial se:"); f(sqrt(diag(vcov(b))))
for (v in c(-1, 0, 1.5)) { cat("binomial trt at", v, ": est se z p lo hi: "); contrast(b, c(0, 1, 0, v)) }
cat("binomial marker | control: "); contrast(b, c(0, 0, 1, 0))
cat("binomial trt:marker: "); contrast(b, c(0, 0, 0, 1))
# quartiles (type 7) of the marker: default marker values
cat("marker quartiles: "); f(quantile(d$marker, c(0.25, 0.5, 0.75)))
# 3. Cox, continuous marker, adjusted for age
cx <- coxph(Surv(time, event) ~ trt * marker + age, data = d, control = cc)
cat("cox coef:"); f(coef(cx)); cat("cox se:"); f(sqrt(diag(vcov(cx))))
for (v in c(-1, 0, 1.5)) { cat("cox trt at", v, ": est se z p lo hi: "); contrast(cx, c(1, 0, 0, v)) }
cat("cox marker | control: "); contrast(cx, c(0, 1, 0, 0))
cat("cox trt:marker: "); contrast(cx, c(0, 0, 0, 1))
# 4. Cox, categorical marker (g1 reference), no covariates
cg <- coxph(Surv(time, event) ~ trt * group, data = d, control = cc)
cat("cox group coef:"); f(coef(cg)); cat("cox group se:"); f(sqrt(diag(vcov(cg))))
cat("cox group trt at g1: "); contrast(cg, c(1, 0, 0, 0, 0))
cat("cox group trt at g2: "); contrast(cg, c(1, 0, 0, 1, 0))
cat("cox group trt at g3: "); contrast(cg, c(1, 0, 0, 0, 1))
cat("cox group g3 vs g1 | control: "); contrast(cg, c(0, 0, 1, 0, 0))
cat("cox group joint interaction W p: "); joint(cg, 4:5)
# 5. binomial, categorical marker, adjusted for sex
bg <- glm(yb ~ trt * group + sex, data = d, family = binomial, control = gc)
cat("binomial group coef:"); f(coef(bg))
cat("binomial group trt at g3: "); contrast(bg, c(0, 1, 0, 0, 0, 0, 1))
cat("binomial group joint interaction W p: "); joint(bg, 6:7)
# 6. gaussian, categorical marker: joint F test
gg <- glm(y ~ trt * group, data = d, family = gaussian, control = gc)
cat("gaussian group joint interaction F p: "); joint(gg, 5:6, gg$df.residual)
cat("anova F check: "); print(anova(lm(y ~ trt + group, d), lm(y ~ trt * group, d))[2, c("F", "Pr(>F)")], digits = 17)
