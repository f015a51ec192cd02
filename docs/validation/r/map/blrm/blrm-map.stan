// The hierarchical BLRM of design.blrm-map-prior (OncoBayes2 blrm_exnex, single agent, full exchangeability,
// between-trial correlation fixed at 0): logit p_ij = log(alpha_j) + exp(log(beta_j)) log(d_i / d*),
// theta_j = (log alpha_j, log beta_j) ~ N2(mu, diag(tau^2)), mu_k ~ N(m_k, s_k^2),
// tau_k ~ LogNormal(log(t_k), tlsd) (tau_dist = 1) or HalfNormal(t_k) (tau_dist = 2). Non-centred.
data {
  int<lower=1> J;
  int<lower=1> N;
  int<lower=1, upper=J> trial[N];
  vector[N] logd;
  int<lower=0> n[N];
  int<lower=0> y[N];
  vector[2] mu_mean;
  vector<lower=0>[2] mu_sd;
  int<lower=1, upper=2> tau_dist;
  vector<lower=0>[2] tau_scale;
  real<lower=0> tau_logsd;
}
parameters {
  vector[2] mu;
  vector<lower=0>[2] tau;
  matrix[J, 2] eta;
}
transformed parameters {
  matrix[J, 2] theta;
  for (j in 1:J) {
    theta[j, 1] = mu[1] + tau[1] * eta[j, 1];
    theta[j, 2] = mu[2] + tau[2] * eta[j, 2];
  }
}
model {
  mu ~ normal(mu_mean, mu_sd);
  if (tau_dist == 1) tau ~ lognormal(log(tau_scale), tau_logsd);
  else tau ~ normal(0, tau_scale);
  to_vector(eta) ~ std_normal();
  for (i in 1:N)
    y[i] ~ binomial_logit(n[i], theta[trial[i], 1] + exp(theta[trial[i], 2]) * logd[i]);
}
generated quantities {
  vector[2] theta_star;
  theta_star[1] = normal_rng(mu[1], tau[1]);
  theta_star[2] = normal_rng(mu[2], tau[2]);
}
