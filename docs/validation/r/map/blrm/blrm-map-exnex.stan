// design.blrm-map-prior with EXNEX for the historical trials (OncoBayes2 blrm_exnex, single agent, between-trial
// correlation 0): each theta_j = (log alpha_j, log beta_j) is, with prior probability p_ex, exchangeable,
// theta_j ~ N2(mu, diag(tau^2)), else non-exchangeable, theta_j ~ N2(mu_mean, diag(mu_sd^2)) (the prior of mu).
// The EX/NEX indicator is summed out (log_mix); its posterior probability per trial is a generated quantity.
// Centred in theta_j (a mixture has no single non-centring).
data {
  int<lower=1> J;
  int<lower=1> N;
  int<lower=1, upper=J> trial[N];
  vector[N] logd;
  int<lower=0> n[N];
  int<lower=0> y[N];
  vector[2] mu_mean;
  vector<lower=0>[2] mu_sd;
  vector<lower=0>[2] tau_scale;
  real<lower=0> tau_logsd;
  real<lower=0, upper=1> p_ex;
}
parameters {
  vector[2] mu;
  vector<lower=0>[2] tau;
  matrix[J, 2] theta;
}
model {
  mu ~ normal(mu_mean, mu_sd);
  tau ~ lognormal(log(tau_scale), tau_logsd);
  for (j in 1:J)
    target += log_mix(p_ex, normal_lpdf(theta[j, 1] | mu[1], tau[1]) + normal_lpdf(theta[j, 2] | mu[2], tau[2]),
                      normal_lpdf(theta[j, 1] | mu_mean[1], mu_sd[1]) + normal_lpdf(theta[j, 2] | mu_mean[2], mu_sd[2]));
  for (i in 1:N)
    y[i] ~ binomial_logit(n[i], theta[trial[i], 1] + exp(theta[trial[i], 2]) * logd[i]);
}
generated quantities {
  vector[J] pex;
  for (j in 1:J) {
    real le = log(p_ex) + normal_lpdf(theta[j, 1] | mu[1], tau[1]) + normal_lpdf(theta[j, 2] | mu[2], tau[2]);
    real ln = log1m(p_ex) + normal_lpdf(theta[j, 1] | mu_mean[1], mu_sd[1])
      + normal_lpdf(theta[j, 2] | mu_mean[2], mu_sd[2]);
    pex[j] = inv_logit(le - ln);
  }
}
