# References for design.crm-posterior (CrmPosteriorMethodTest): dfcrm::crm() on observed data.
# Run: Rscript crm-posterior.R > crm-posterior.out
.libPaths("/work/rlib-design")
library(dfcrm)
cat("R ", R.version$major, ".", R.version$minor, ", dfcrm ", as.character(packageVersion("dfcrm")), "\n", sep = "")
show <- function(label, fit, restricted) {
  cat("==", label, "\n")
  cat("estimate:", sprintf("%.15g", fit$estimate), "\n")
  cat("post.var:", sprintf("%.15g", fit$post.var), "\n")
  cat("ptox:", sprintf("%.15g", fit$ptox), "\n")
  cat("ptoxL:", sprintf("%.15g", fit$ptoxL), "\n")
  cat("ptoxU:", sprintf("%.15g", fit$ptoxU), "\n")
  cat("mtd (crm):", fit$mtd, "\n")
  cat("next dose with crmsim's restrict rule:", restricted, "\n")
}
# crmsim's restrict = TRUE rule (dfcrm R/dfcrm.R, mtrials/onetrial), for the last cohort of size m:
#   if (sum(ynew)/mcohort >= target) cur <- min(cur, last level) else cur <- min(cur, last level + 1)
restrict <- function(fit, level, tox, target, m) {
  ynew <- tail(tox, m); last <- tail(level, 1)
  if (sum(ynew) / m >= target) min(fit$mtd, last) else min(fit$mtd, last + 1)
}
# 1. dfcrm's crm help-page example, empiric, conf.level 0.90 (default)
prior <- c(0.05, 0.10, 0.20, 0.35, 0.50, 0.70)
level <- c(3, 4, 4, 3, 3, 4, 3, 2, 2, 2); y <- c(0, 0, 1, 0, 0, 1, 1, 0, 0, 0)
cat("call 1: crm(c(0.05, 0.10, 0.20, 0.35, 0.50, 0.70), 0.2, c(0,0,1,0,0,1,1,0,0,0), c(3,4,4,3,3,4,3,2,2,2))\n")
f <- crm(prior, 0.2, y, level); show("example empiric", f, restrict(f, level, y, 0.2, 1))
# 2. the same data, logistic model, intercept 3, conf.level 0.95
cat("call 2: crm(<same>, model = \"logistic\", intcpt = 3, conf.level = 0.95)\n")
f <- crm(prior, 0.2, y, level, model = "logistic", intcpt = 3, conf.level = 0.95)
show("example logistic", f, restrict(f, level, y, 0.2, 1))
# 3. escalation 1,1,1,2,2,2,3,3,3 with one DLT in the last cohort of 3: coherence caps the next dose at 3
level3 <- c(1, 1, 1, 2, 2, 2, 3, 3, 3); y3 <- c(0, 0, 0, 0, 0, 0, 0, 0, 1)
prior3 <- getprior(0.05, 0.25, 3, 5)
cat("call 3: crm(getprior(0.05, 0.25, 3, 5), 0.25, c(0,0,0,0,0,0,0,0,1), c(1,1,1,2,2,2,3,3,3)); cohort 3\n")
cat("prior3:", sprintf("%.15g", prior3), "\n")
f <- crm(prior3, 0.25, y3, level3); show("coherence", f, restrict(f, level3, y3, 0.25, 3))
# 4. no DLT in 1,1,1: the model jumps, restrict caps at 2; prior variance 0.5 (scale = sqrt(0.5))
level4 <- c(1, 1, 1); y4 <- c(0, 0, 0)
cat("call 4: crm(getprior(0.05, 0.25, 3, 5), 0.25, c(0,0,0), c(1,1,1), scale = sqrt(0.5)); cohort 3\n")
f <- crm(prior3, 0.25, y4, level4, scale = sqrt(0.5)); show("no skipping", f, restrict(f, level4, y4, 0.25, 3))
