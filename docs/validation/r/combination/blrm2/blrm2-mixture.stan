// Two-drug BLRM with interaction as in blrm2.stan, but each drug's (log alpha_i, log beta_i) has a prior that is a
// mixture of bivariate normals (e.g. a robust MAP prior from that drug's single-agent trials):
// p(th_i) = sum_k w_ik N2(th_i | m_ik, S_ik); eta ~ N(mEta, sEta).
data {
  int<lower=0> N;
  int<lower=0> n[N];
  int<lower=0> y[N];
  vector[N] x1;
  vector[N] x2;
  vector[N] z;
  int<lower=1> G;
  vector[G] gx1;
  vector[G] gx2;
  vector[G] gz;
  int<lower=1> K1;
  vector[K1] w1;
  vector[2] m1[K1];
  cov_matrix[2] S1[K1];
  int<lower=1> K2;
  vector[K2] w2;
  vector[2] m2[K2];
  cov_matrix[2] S2[K2];
  real mEta;
  real<lower=0> sEta;
}
parameters {
  vector[2] th1;
  vector[2] th2;
  real eta;
}
model {
  vector[K1] l1;
  vector[K2] l2;
  for (k in 1:K1) l1[k] = log(w1[k]) + multi_normal_lpdf(th1 | m1[k], S1[k]);
  for (k in 1:K2) l2[k] = log(w2[k]) + multi_normal_lpdf(th2 | m2[k], S2[k]);
  target += log_sum_exp(l1) + log_sum_exp(l2);
  eta ~ normal(mEta, sEta);
  for (k in 1:N) {
    real a1 = th1[1] + exp(th1[2]) * x1[k];
    real a2 = th2[1] + exp(th2[2]) * x2[k];
    real lq = log1m_inv_logit(a1) + log1m_inv_logit(a2);
    real lp = log1m_exp(lq);
    y[k] ~ binomial_logit(n[k], lp - lq + eta * z[k]);
  }
}
generated quantities {
  vector[G] p;
  for (g in 1:G) {
    real a1 = th1[1] + exp(th1[2]) * gx1[g];
    real a2 = th2[1] + exp(th2[2]) * gx2[g];
    real lq = log1m_inv_logit(a1) + log1m_inv_logit(a2);
    real lp = log1m_exp(lq);
    p[g] = inv_logit(lp - lq + eta * gz[g]);
  }
}
