# Reference values for design.map-prior from RBesT 1.7-2 (installed from the CRAN mirror into /work/Rlib;
# rstan 2.21.7 from Debian). Run: Rscript docs/validation/r/map/map-rbest.R
# The historical data are ours (invented for the tests), not a data set of a package.
.libPaths(c("/work/Rlib", .libPaths()))
suppressMessages(library(RBesT))
options(digits = 17)
# a long run so that the Monte Carlo error of RBesT's summaries is small: 4 chains x 40,000 kept draws / thin 4
options(RBesT.MC.warmup = 2000, RBesT.MC.iter = 42000, RBesT.MC.thin = 4, RBesT.MC.chains = 4)

run <- function(label, dat, beta.prior, tau.prior) {
  set.seed(20261203)
  map <- gMAP(cbind(r, n - r) ~ 1 | study, data = dat, family = binomial, tau.dist = "HalfNormal",
              tau.prior = tau.prior, beta.prior = beta.prior)
  cat("==", label, "\n")
  s <- summary(map)
  cat("tau:\n"); print(s$tau)
  cat("beta (mu):\n"); print(s$beta)
  cat("theta.pred (MAP on the response scale):\n"); print(s$theta.pred)
  cat("theta (shrinkage estimates):\n"); print(s$theta)
  # MCMC standard errors (rstan's n_eff)
  fs <- rstan::summary(map$fit)$summary
  print(fs[grep("^(tau|beta|theta_resp_pred)", rownames(fs)), c("mean", "se_mean", "sd", "n_eff", "Rhat")])
  mix <- automixfit(map)
  cat("automixfit:\n"); print(mix)
  print(sapply(attr(mix, "models"), AIC, k = 6))
  cat("ess elir/moment/morita of the automixfit mixture:\n")
  print(c(ess(mix, "elir"), ess(mix, "moment"), ess(mix, "morita")))
  invisible(map)
}

# scenario 1: six homogeneous-ish studies, mu ~ N(0, 2^2), tau ~ HalfNormal(0, 1)
d1 <- data.frame(study = paste0("S", 1:6), n = c(30, 45, 25, 60, 38, 52), r = c(6, 11, 4, 15, 9, 10))
run("scenario 1", d1, beta.prior = cbind(0, 2), tau.prior = 1)
# scenario 2: four heterogeneous studies, mu ~ N(-1, 1.5^2), tau ~ HalfNormal(0, 0.5)
d2 <- data.frame(study = paste0("T", 1:4), n = c(20, 35, 50, 15), r = c(2, 12, 9, 6))
run("scenario 2", d2, beta.prior = cbind(-1, 1.5), tau.prior = 0.5)

# exact functions of RBesT on given mixtures (no MCMC): ESS, robustify, posterior
m <- mixbeta(c(0.6, 5.2, 14.1), c(0.3, 2.3, 6.8), c(0.1, 1.5, 1.9))
cat("== mixture m\n")
print(c(elir = ess(m, "elir"), moment = ess(m, "moment"), morita = ess(m, "morita")))
print(summary(m))
r <- robustify(m, weight = 0.2, mean = 0.5)
print(r)
print(c(elir_robust = ess(r, "elir")))
pm <- postmix(m, r = 7, n = 20)
print(pm)
print(c(pmix_post_0.3 = pmix(pm, 0.3, lower.tail = FALSE)))

# Monte Carlo standard errors of the quantiles (rstan::monitor, Vehtari et al. 2021), for the tests' tolerances
for (sc in list(list("scenario 1", d1, cbind(0, 2), 1), list("scenario 2", d2, cbind(-1, 1.5), 0.5))) {
  set.seed(20261203)
  fit <- suppressMessages(gMAP(cbind(r, n - r) ~ 1 | study, data = sc[[2]], family = binomial,
                               tau.dist = "HalfNormal", tau.prior = sc[[4]], beta.prior = sc[[3]]))$fit
  cat("== MCSE", sc[[1]], "\n")
  mon <- rstan::monitor(rstan::extract(fit, pars = c("tau[1]", "beta[1]", "theta_resp_pred"), permuted = FALSE),
                        warmup = 0, probs = c(0.025, 0.5, 0.975), print = FALSE)
  print(as.data.frame(mon)[, grep("MCSE|Q|ESS|mean", colnames(mon))])
}
