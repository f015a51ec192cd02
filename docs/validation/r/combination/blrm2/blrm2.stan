// Two-drug BLRM with interaction (Neuenschwander et al. 2015; OncoBayes2 parameterisation), no hierarchy:
// logit(pi_i) = log(alpha_i) + beta_i log(d_i / d_i*), pi0 = 1 - (1 - pi_1)(1 - pi_2),
// odds(pi_12) = odds(pi0) exp(eta (d1/d1*)(d2/d2*)); theta_i = (log alpha_i, log beta_i) ~ N2(m_i, S_i), eta ~ N(mEta, sEta).
data {
  int<lower=0> N;                 // cells with data
  int<lower=0> n[N];
  int<lower=0> y[N];
  vector[N] x1;                   // log(d1 / d1*)
  vector[N] x2;                   // log(d2 / d2*)
  vector[N] z;                    // (d1 / d1*) (d2 / d2*)
  int<lower=1> G;                 // all grid cells
  vector[G] gx1;
  vector[G] gx2;
  vector[G] gz;
  vector[2] m1;
  cov_matrix[2] S1;
  vector[2] m2;
  cov_matrix[2] S2;
  real mEta;
  real<lower=0> sEta;
}
parameters {
  vector[2] th1;
  vector[2] th2;
  real eta;
}
model {
  th1 ~ multi_normal(m1, S1);
  th2 ~ multi_normal(m2, S2);
  eta ~ normal(mEta, sEta);
  for (k in 1:N) {
    real l1 = th1[1] + exp(th1[2]) * x1[k];
    real l2 = th2[1] + exp(th2[2]) * x2[k];
    real lq = log1m_inv_logit(l1) + log1m_inv_logit(l2);   // log(1 - pi0)
    real lp = log1m_exp(lq);                                // log pi0
    y[k] ~ binomial_logit(n[k], lp - lq + eta * z[k]);
  }
}
generated quantities {
  vector[G] p;
  for (g in 1:G) {
    real l1 = th1[1] + exp(th1[2]) * gx1[g];
    real l2 = th2[1] + exp(th2[2]) * gx2[g];
    real lq = log1m_inv_logit(l1) + log1m_inv_logit(l2);
    real lp = log1m_exp(lq);
    p[g] = inv_logit(lp - lq + eta * gz[g]);
  }
}
