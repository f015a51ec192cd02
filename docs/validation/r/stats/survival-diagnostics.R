# Reference values for stats.cox-zph, stats.rmst and the Concordance engine (issue 15): R 4.2.2, survival 3.5.3,
# survRM2 1.0-4 (CRAN source, installed with R CMD INSTALL -l /work/rlib-surv). Run: Rscript survival-diagnostics.R
# Sites: the lung data split by institution, site = inst %% 3 (missing inst -> site 0), as the Java tests do.
suppressMessages(library(survival))
suppressMessages(library(survRM2, lib.loc = Sys.getenv("DAYBREAK_RLIB", "/work/rlib-surv")))
cat("survival", format(packageVersion("survival")), "survRM2", format(packageVersion("survRM2")), "\n")
options(digits = 17)
data <- Sys.getenv("DAYBREAK_DATA", "../../../../../shared/data")  # the shared data folder
lung <- read.csv(file.path(data, "survival_lung.csv"))
lung$site <- ifelse(is.na(lung$inst), 0, lung$inst %% 3)
veteran <- read.csv(file.path(data, "survival_veteran.csv"))
tight <- coxph.control(eps = 1e-14, toler.chol = 1e-15, iter.max = 100)

zph <- function(label, z) {
  cat("== cox.zph:", label, "\n"); print(z$table)
}
zph("coxph(Surv(time, status) ~ age + sex, lung)", cox.zph(coxph(Surv(time, status) ~ age + sex, lung)))
f <- coxph(Surv(time, status) ~ age + sex, lung, control = tight)
z <- cox.zph(f)
zph("same, eps 1e-14", z)
cat("-- scaled Schoenfeld residuals (first 5, last 2 rows): time, x = transformed time, age, sex\n")
r <- cbind(time = z$time, x = z$x, z$y); print(head(r, 5)); print(tail(r, 2)); print(nrow(r))
cat("-- column sums of the residuals\n"); print(colSums(z$y)); print(sum(z$x))
zph("coxph(Surv(time, status) ~ age + sex, lung, ties = 'breslow')",
    cox.zph(coxph(Surv(time, status) ~ age + sex, lung, ties = "breslow")))
zph("same, eps 1e-14", cox.zph(coxph(Surv(time, status) ~ age + sex, lung, ties = "breslow", control = tight)))
zph("coxph(Surv(time, status) ~ age + sex + ph.ecog, lung)",
    cox.zph(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung)))
zph("same, eps 1e-14", cox.zph(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung, control = tight)))
zs <- cox.zph(coxph(Surv(time, status) ~ age + sex + strata(site), lung))
zph("coxph(Surv(time, status) ~ age + sex + strata(site), lung)", zs)
zs <- cox.zph(coxph(Surv(time, status) ~ age + sex + strata(site), lung, control = tight))
zph("same, eps 1e-14", zs)
cat("-- strata residuals (first 3 rows)\n"); print(head(cbind(time = zs$time, x = zs$x, zs$y), 3)); print(colSums(zs$y))
zph("coxph(Surv(time, status) ~ karno + age + trt, veteran)",
    cox.zph(coxph(Surv(time, status) ~ karno + age + trt, veteran)))
zph("same, eps 1e-14", cox.zph(coxph(Surv(time, status) ~ karno + age + trt, veteran, control = tight)))

cat("== concordance\n")
conc <- function(label, fit) {
  k <- concordance(fit)
  cat("--", label, "\n"); print(c(concordance = k$concordance, se = sqrt(k$var))); print(k$count)
  print(coef(fit))
}
conc("concordance(coxph(Surv(time, status) ~ age + sex, lung))", coxph(Surv(time, status) ~ age + sex, lung, control = tight))
conc("concordance(coxph(Surv(time, status) ~ karno + age + trt, veteran))",
     coxph(Surv(time, status) ~ karno + age + trt, veteran, control = tight))
conc("concordance(coxph(Surv(time, status) ~ age + sex + strata(site), lung))",
     coxph(Surv(time, status) ~ age + sex + strata(site), lung, control = tight))
conc("concordance(coxph(Surv(time, status) ~ ph.ecog, lung)) (many ties in x)",
     coxph(Surv(time, status) ~ ph.ecog, lung, control = tight))

cat("== rmst2\n")
rm <- function(label, a) {
  cat("--", label, "\n"); cat("tau", format(a$tau, digits = 17), "\n")
  print(a$RMST.arm1$result); print(a$RMST.arm0$result); print(a$unadjusted.result)
  cat("var arm1", format(a$RMST.arm1$rmst.var, digits = 17), "var arm0", format(a$RMST.arm0$rmst.var, digits = 17), "\n")
}
rm("rmst2(lung$time, lung$status - 1, lung$sex - 1)", rmst2(lung$time, lung$status - 1, lung$sex - 1))
rm("rmst2(lung$time, lung$status - 1, lung$sex - 1, tau = 365)", rmst2(lung$time, lung$status - 1, lung$sex - 1, tau = 365))
rm("rmst2(lung$time, lung$status - 1, lung$sex - 1, tau = 365, alpha = 0.1)",
   rmst2(lung$time, lung$status - 1, lung$sex - 1, tau = 365, alpha = 0.1))
rm("rmst2(veteran$time, veteran$status, veteran$trt - 1)", rmst2(veteran$time, veteran$status, veteran$trt - 1))
rm("rmst2(veteran$time, veteran$status, veteran$trt - 1, tau = 100)",
   rmst2(veteran$time, veteran$status, veteran$trt - 1, tau = 100))
cat("-- tau beyond the allowed range\n")
print(tryCatch(rmst2(lung$time, lung$status - 1, lung$sex - 1, tau = 1000), error = conditionMessage))
cat("-- largest times per arm (lung: sex 1, sex 2)\n")
print(aggregate(time ~ sex, lung, max)); print(lung[lung$time %in% c(1022, 965), c("time", "status", "sex")])
