# Reference values for Virtual Twins with a survival outcome (VirtualTwinsSurvivalTest): RMST pseudo-observations by
# the jackknife of the Kaplan-Meier area (what pseudo::pseudomean computes), here with base R survival 3.x survfit,
# and the RMST difference within a subgroup (survfit's rmean and se(rmean), which survRM2::rmst2 also uses).
# R 4.2.2. Run from the worktree root: Rscript docs/validation/r/biomarker/subgroup-survival.R
# It writes the simulated data (seeded, our own; committed) and prints the values pinned in the test.
library(survival)
out <- "tests/io.daybreak.methods.biomarker.tests/src/io/daybreak/methods/biomarker/subgroup/subgroup-survival-data.csv"
f <- function(x) cat(paste(sprintf("%.17g", x), collapse = ", "), "\n")
set.seed(20261203)
n <- 200
x1 <- round(runif(n), 3); x2 <- round(runif(n), 3); trt <- rbinom(n, 1, 0.5)
rate <- 0.1 * exp(-1.0 * trt * (x1 >= 0.5) + 0.3 * x2)
ev <- rexp(n, rate); ce <- runif(n, 4, 20)
time <- ceiling(pmin(ev, ce) * 4) / 4                 # quarter units: ties, also between events and censorings
event <- as.integer(ev <= ce)
write.csv(data.frame(x1, x2, trt, time, event), out, row.names = FALSE, quote = FALSE)
d <- read.csv(out)
tau <- 10
rmean <- function(tt, ee) summary(survfit(Surv(tt, ee) ~ 1), rmean = tau)$table[c("rmean", "se(rmean)")]
theta <- rmean(d$time, d$event)[1]
pseudo <- sapply(1:n, function(i) n * theta - (n - 1) * rmean(d$time[-i], d$event[-i])[1])
cat("theta: "); f(theta)
cat("pseudo[1:6]: "); f(pseudo[1:6])
cat("sum(pseudo): "); f(sum(pseudo))
cat("sum(pseudo^2): "); f(sum(pseudo^2))
# RMST difference (treated - control) in x1 >= 0.5 and overall
for (sub in list(d$x1 >= 0.5, rep(TRUE, n))) {
  a1 <- rmean(d$time[sub & d$trt == 1], d$event[sub & d$trt == 1])
  a0 <- rmean(d$time[sub & d$trt == 0], d$event[sub & d$trt == 0])
  cat("RMST1, RMST0, difference, se: "); f(c(a1[1], a0[1], a1[1] - a0[1], sqrt(a1[2]^2 + a0[2]^2)))
}
# Cox log hazard ratio (treated vs control, Efron ties as coxph's default) in x1 >= 0.5 and overall
for (sub in list(d$x1 >= 0.5, rep(TRUE, n))) {
  fit <- coxph(Surv(time, event) ~ trt, data = d[sub, ], control = coxph.control(eps = 1e-12, toler.chol = 1e-13, iter.max = 100))
  cat("coxph log HR, se, Wald p: "); f(c(coef(fit), sqrt(vcov(fit)), summary(fit)$coefficients[, "Pr(>|z|)"]))
}
