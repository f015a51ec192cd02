# Reference for design.blrm-map-prior with exchangeability < 1 (EXNEX; BlrmMapPriorTest): blrm-map-exnex.stan fitted
# by rstan 2.21.7, 4 chains x 25000 kept draws (25000 warm-up), adapt_delta 0.995, seed 20261203. Statistics and
# batch-means SEs as blrm-map.R; per trial also the posterior probability of exchangeability (mean of pex).
# Run: Rscript docs/validation/r/map/blrm/blrm-map-exnex.R > docs/validation/r/map/blrm/blrm-map-exnex.out
here <- "docs/validation/r/map/blrm"
source(file.path(here, "common.R"))
model <- stan_model(file.path(here, "blrm-map-exnex.stan"))
batches <- function(x, f) {
  out <- NULL
  for (ch in 1:4) for (b in 1:25) out <- rbind(out, f(x[((b - 1) * 1000 + 1):(b * 1000), ch, , drop = FALSE]))
  apply(out, 2, sd) / sqrt(nrow(out))
}
# Data set C: data set A's three trials and a fourth, H4, far more toxic than the others (1/3, 2/3, 3/3 DLTs at
# 2.5, 5, 10); d* = 10, mu ~ N(logit 0.25, 2^2) x N(0, 1), tau log-normal (medians 0.25, 0.125, log-sd log(4)/1.96),
# p_ex = 0.8.
C <- data.frame(trial = c("H1", "H1", "H1", "H1", "H2", "H2", "H2", "H2", "H3", "H3", "H4", "H4", "H4"),
                dose = c(2.5, 5, 10, 20, 5, 10, 20, 40, 10, 20, 2.5, 5, 10),
                n = c(3, 3, 6, 6, 3, 6, 6, 3, 4, 4, 3, 3, 3), y = c(0, 0, 1, 2, 0, 0, 1, 2, 1, 1, 1, 2, 3))
trials <- unique(C$trial)
data <- list(J = length(trials), N = nrow(C), trial = match(C$trial, trials), logd = log(C$dose / 10), n = C$n,
             y = C$y, mu_mean = c(log(1 / 3), 0), mu_sd = c(2, 1), tau_scale = c(0.25, 0.125),
             tau_logsd = log(4) / 1.96, p_ex = 0.8)
fit <- sampling(model, data = data, chains = 4, iter = 50000, warmup = 25000, seed = 20261203, refresh = 0,
                control = list(adapt_delta = 0.995, max_treedepth = 12), cores = 2)
x <- extract(fit, permuted = FALSE, pars = c("mu[1]", "mu[2]", "tau[1]", "tau[2]"))
all <- apply(x, 3, c)
est <- stats(all[, 1], all[, 2], all[, 3], all[, 4])
se <- batches(x, function(b) stats(c(b[, , 1]), c(b[, , 2]), c(b[, , 3]), c(b[, , 4])))
cat("== C divergent: ", sum(get_divergent_iterations(fit)), "\n", sep = "")
print(round(cbind(estimate = est, mcse = se), 6))
cat("shrinkage (trial: mean, mcse, sd, mcse of log alpha_j; the same of log beta_j; P(EX), mcse):\n")
for (j in seq_along(trials)) {
  th <- extract(fit, permuted = FALSE, pars = c(sprintf("theta[%d,1]", j), sprintf("theta[%d,2]", j),
                                                 sprintf("pex[%d]", j)))
  f <- function(b) c(mean(b[, , 1]), sd(b[, , 1]), mean(b[, , 2]), sd(b[, , 2]), mean(b[, , 3]))
  e <- f(th); s <- batches(th, f)
  cat(trials[j], sprintf("%.6f", c(e[1], s[1], e[2], s[2], e[3], s[3], e[4], s[4], e[5], s[5])), "\n")
}
print(summary(fit, pars = c("mu", "tau", "pex"))$summary[, c("mean", "se_mean", "sd", "n_eff", "Rhat")])
