# TITE-CRM core (base R only).  Independent transcription of the rules of
# dfcrm::titecrm (Cheung & Chappell 2000; dfcrm source R/dfcrm.R, function titecrm):
#   * empiric ("power") model  p_k(b) = skeleton_k ^ exp(b)
#   * prior b ~ N(0, sigma^2), sigma^2 = 1.34  (dfcrm default scale = sqrt(1.34))
#   * weighted likelihood  L(b) = prod_i p_i^y_i * (1 - w_i p_i)^(1 - y_i)
#   * linear weights w_i = min(followup_i / T, 1); w_i = 1 if y_i = 1  (dfcrm: weights[tox==1] <- 1)
#   * posterior mean  bhat = int b L(b) phi(b) db / int L(b) phi(b) db   (integrate())
#   * plug-in ptox_k = skeleton_k ^ exp(bhat)
#   * recommended dose: if all ptox <= target -> K; else if all ptox >= target -> 1;
#     else the first k minimising |ptox_k - target|  (dfcrm: order(abs(ptox-target))[1])

crm_unnorm_post <- function(b, x, y, w, sigma2) {
  # b: vector of beta values; x: skeleton value of each patient's dose
  # returns prior kernel exp(-b^2/(2 sigma2)) times weighted likelihood (vectorised over b)
  eb <- exp(b)
  ll <- numeric(length(b))
  for (i in seq_along(x)) {
    p <- x[i]^eb
    if (y[i] == 1) ll <- ll + log(p) else ll <- ll + log1p(-w[i] * p)
  }
  exp(-b^2 / (2 * sigma2) + ll)
}

crm_post_mean <- function(x, y, w, sigma2 = 1.34, lower = -Inf, upper = Inf,
                          rel.tol = .Machine$double.eps^0.25) {
  den <- integrate(function(b) crm_unnorm_post(b, x, y, w, sigma2), -Inf, Inf,
                   rel.tol = rel.tol, abs.tol = 0)$value
  num <- integrate(function(b) b * crm_unnorm_post(b, x, y, w, sigma2), lower, upper,
                   rel.tol = rel.tol, abs.tol = 0)$value
  num / den
}

crm_recommend <- function(ptox, target) {
  K <- length(ptox)
  if (all(ptox <= target)) return(K)
  if (all(ptox >= target)) return(1L)
  order(abs(ptox - target))[1]
}

# One TITE-CRM update: doses (1-based), tox (0/1), weights (already min(u/T,1)).
titecrm_update <- function(skeleton, target, doses, tox, weights, sigma2 = 1.34, ...) {
  w <- pmin(weights, 1)
  w[tox == 1] <- 1
  x <- skeleton[doses]
  bhat <- crm_post_mean(x, tox, w, sigma2, ...)
  ptox <- skeleton^exp(bhat)
  list(beta = bhat, ptox = ptox, rec = crm_recommend(ptox, target))
}
