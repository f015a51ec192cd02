# References for model formulas, factors, Surv() status coding and the full Cox/GLM summaries (issue 15).
# R 4.2.2, survival 3.5.3 (Debian 12). Run: Rscript formulas.R > formulas.out
library(survival)
options(digits = 15)
lung <- read.csv("/work/shared/data/survival_lung.csv")
veteran <- read.csv("/work/shared/data/survival_veteran.csv")
infert <- read.csv("/work/shared/data/datasets_infert.csv")
show <- function(label, x) { cat(label, "\n"); print(x) }
ctl <- coxph.control(eps = 1e-13, toler.chol = 1e-15, iter.max = 100)
gctl <- glm.control(epsilon = 1e-14, maxit = 100)

# A. lung: status coded 1/2, read by Surv as 2 = event
f1 <- coxph(Surv(time, status) ~ age + sex + factor(ph.ecog), lung, control = ctl)
s1 <- summary(f1)
show("A coef", s1$coefficients)
show("A conf.int", s1$conf.int)
show("A n, nevent", c(s1$n, s1$nevent))
show("A logtest", s1$logtest); show("A wald.test (unrounded)", f1$wald.test); show("A score", f1$score)
show("A concordance", s1$concordance)
show("A loglik", f1$loglik)

# B. veteran: a text factor (celltype), status 0/1
f2 <- coxph(Surv(time, status) ~ trt + celltype + karno, veteran, control = ctl)
show("B coef", summary(f2)$coefficients)
show("B tests", c(summary(f2)$logtest, f2$wald.test, f2$score))

# C. infert: binomial with a text factor and an interaction
g1 <- glm(case ~ education * spontaneous, binomial, infert, control = gctl)
show("C coef", summary(g1)$coefficients)
show("C dev", c(g1$null.deviance, g1$df.null, g1$deviance, g1$df.residual, g1$aic))
show("C confint.default", confint.default(g1))

# D. poisson with an offset
g2 <- glm(spontaneous ~ age + factor(induced) + offset(log(parity)), poisson, infert, control = gctl)
show("D coef", summary(g2)$coefficients)
show("D dev", c(g2$null.deviance, g2$df.null, g2$deviance, g2$df.residual, g2$aic))

# E. gaussian without intercept and a power term
g3 <- glm(age ~ parity + I(parity^2) - 1, gaussian, infert, control = gctl)
show("E coef", summary(g3)$coefficients)
show("E dev", c(g3$null.deviance, g3$df.null, g3$deviance, g3$df.residual, g3$aic, summary(g3)$dispersion))

# F. reference level: ph.ecog 1 as the reference, strata(sex)
lung$ecog <- relevel(factor(lung$ph.ecog), ref = "1")
f3 <- coxph(Surv(time, status) ~ age + ecog + strata(sex), lung, control = ctl)
show("F coef", summary(f3)$coefficients)
show("F names", names(coef(f3)))

# G. model.matrix column names of a few formulas (for the parser and coding tests)
d <- data.frame(y = c(1, 2, 3, 4, 5, 6, 7, 8), a = c(1, 2, 1, 3, 2, 3, 1, 2),
                b = c("x", "y", "x", "y", "Z", "x", "y", "x"), c = c(TRUE, FALSE, TRUE, TRUE, FALSE, FALSE, TRUE, FALSE),
                t = c(1, 2, 3, 4, 5, 6, 7, 8))
for (f in c("y ~ b:a + a", "y ~ factor(a)*b", "y ~ b:c + t", "y ~ factor(a) - 1", "y ~ 0 + factor(a) + b",
            "y ~ c + t:a + log(t) + I(t^2)", "y ~ a*t*c", "y ~ b:t", "y ~ (a + b + t)^2")) {
  cat("G", f, ":", paste(colnames(model.matrix(as.formula(f), d)), collapse = " | "), "\n")
}

# H. robust and cluster variance (summary.coxph's "robust se" and the robust Wald test)
h1 <- coxph(Surv(time, status) ~ age + sex, lung, robust = TRUE, control = ctl)
show("H robust coef", summary(h1)$coefficients)
show("H robust wald.test", h1$wald.test)
h2 <- coxph(Surv(time, status) ~ age + sex + cluster(inst), lung, control = ctl)
show("H cluster coef", summary(h2)$coefficients)
show("H cluster wald.test", h2$wald.test)
show("H cluster n", h2$n)
