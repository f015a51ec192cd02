# References for design.blrm-map-prior (BlrmMapPriorTest): the hierarchical BLRM fitted by rstan 2.21.7,
# 4 chains x 25000 kept draws (25000 warm-up), adapt_delta 0.99, seed 20261203.
# The MAP prior of theta* = (log alpha*, log beta*) is N2(mu, diag(tau^2)) averaged over the posterior, so
#   mean = E[mu], var_k = Var(mu_k) + E[tau_k^2], cov = Cov(mu_1, mu_2)   (Rao-Blackwellised, as in Java).
# Monte Carlo SEs: batch means, each chain cut into 25 batches (100 batches), the statistic per batch.
# Run: Rscript docs/validation/r/map/blrm/blrm-map.R > docs/validation/r/map/blrm/blrm-map.out
here <- "docs/validation/r/map/blrm"
source(file.path(here, "common.R"))
model <- stan_model(file.path(here, "blrm-map.stan"))
run <- function(label, d, dref, mu_mean, mu_sd, tau_dist, tau_scale, tau_logsd) {
  trials <- unique(d$trial)
  data <- list(J = length(trials), N = nrow(d), trial = match(d$trial, trials), logd = log(d$dose / dref),
               n = d$n, y = d$y, mu_mean = mu_mean, mu_sd = mu_sd, tau_dist = tau_dist, tau_scale = tau_scale,
               tau_logsd = tau_logsd)
  fit <- sampling(model, data = data, chains = 4, iter = 50000, warmup = 25000, seed = 20261203, refresh = 0,
                  control = list(adapt_delta = 0.99), cores = 1)
  x <- extract(fit, permuted = FALSE, pars = c("mu[1]", "mu[2]", "tau[1]", "tau[2]"))
  all <- apply(x, 3, c)
  est <- stats(all[, 1], all[, 2], all[, 3], all[, 4])
  batch <- NULL
  for (ch in 1:4) for (b in 1:25) {
    idx <- ((b - 1) * 1000 + 1):(b * 1000)
    batch <- rbind(batch, stats(x[idx, ch, 1], x[idx, ch, 2], x[idx, ch, 3], x[idx, ch, 4]))
  }
  se <- apply(batch, 2, sd) / sqrt(nrow(batch))
  cat("== ", label, " divergent: ", sum(get_divergent_iterations(fit)), "\n", sep = "")
  print(round(cbind(estimate = est, mcse = se), 6))
  # shrinkage: per trial mean and sd of log alpha_j and log beta_j, batch-means SEs as above
  cat("shrinkage (trial: mean, mcse, sd, mcse of log alpha_j; the same of log beta_j):\n")
  for (j in seq_along(trials)) {
    a <- extract(fit, permuted = FALSE, pars = sprintf("theta[%d,1]", j))[, , 1]
    b <- extract(fit, permuted = FALSE, pars = sprintf("theta[%d,2]", j))[, , 1]
    f <- function(u, v) c(mean(u), sd(u), mean(v), sd(v))
    bt <- NULL
    for (ch in 1:4) for (k in 1:25) {
      idx <- ((k - 1) * 1000 + 1):(k * 1000)
      bt <- rbind(bt, f(a[idx, ch], b[idx, ch]))
    }
    e <- f(c(a), c(b)); s <- apply(bt, 2, sd) / sqrt(nrow(bt))
    cat(trials[j], sprintf("%.6f", c(e[1], s[1], e[2], s[2], e[3], s[3], e[4], s[4])), "\n")
  }
  print(summary(fit, pars = c("mu", "tau"))$summary[, c("mean", "se_mean", "sd", "n_eff", "Rhat")])
}
# Data set A: three trials, d* = 10, defaults (mu ~ N(logit 0.25, 2^2) x N(0, 1), tau log-normal
# with medians 0.25 and 0.125 and log-sd log(4)/1.96, OncoBayes2's example prior).
A <- data.frame(trial = c("H1", "H1", "H1", "H1", "H2", "H2", "H2", "H2", "H3", "H3"),
                dose = c(2.5, 5, 10, 20, 5, 10, 20, 40, 10, 20),
                n = c(3, 3, 6, 6, 3, 6, 6, 3, 4, 4), y = c(0, 0, 1, 2, 0, 0, 1, 2, 1, 1))
run("A", A, 10, c(log(1 / 3), 0), c(2, 1), 1, c(0.25, 0.125), log(4) / 1.96)
# Data set B: two heterogeneous trials, d* = 4, mu ~ N(logit 0.2, 2^2) x N(0, 1), tau half-normal scales 1, 0.5.
B <- data.frame(trial = c("A", "A", "A", "A", "B", "B", "B"), dose = c(1, 2, 4, 8, 2, 4, 8),
                n = c(3, 6, 6, 6, 3, 6, 3), y = c(0, 0, 1, 3, 1, 3, 2))
run("B", B, 4, c(log(0.2 / 0.8), 0), c(2, 1), 2, c(1, 0.5), 1)
