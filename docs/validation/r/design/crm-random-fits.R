# dfcrm::crm() on 300 random data sets, for CrmPosteriorMethodTest (the decision function of design.crm and
# design.crm-posterior, without Monte Carlo noise). Run: Rscript crm-random-fits.R > crm-random-fits.txt
# Each line: model | level | tox | estimate | mtd  (skeleton getprior(0.05, 0.3, 4, 6), target 0.3; logistic: intcpt 3)
.libPaths("/work/rlib-design")
library(dfcrm)
cat("# R ", R.version$major, ".", R.version$minor, ", dfcrm ", as.character(packageVersion("dfcrm")),
    "; crm(getprior(0.05, 0.3, 4, 6), 0.3, tox, level, model = model, intcpt = 3, var.est = FALSE)\n", sep = "")
set.seed(2026)
prior <- getprior(0.05, 0.3, 4, 6)
PI <- c(0.05, 0.12, 0.25, 0.40, 0.55, 0.70)
for (i in 1:300) {
  n <- sample(3:30, 1)
  top <- sample(1:6, 1)
  level <- sample(1:top, n, replace = TRUE)
  tox <- rbinom(n, 1, PI[level])
  model <- if (i %% 3 == 0) "logistic" else "empiric"
  f <- crm(prior, 0.3, tox, level, model = model, intcpt = 3, var.est = FALSE)
  cat(model, "|", paste(level, collapse = ","), "|", paste(tox, collapse = ","), "|", sprintf("%.12g", f$estimate),
      "|", f$mtd, "\n")
}
