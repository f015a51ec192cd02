cache <- readRDS("docs/validation/r/blrm/partB_exact_cache.rds")
ks <- ls(cache)
m <- t(sapply(ks, function(k) { ip <- cache[[k]]
  tg <- sort(ip$target, decreasing = TRUE)
  c(om = min(abs(ip$over - 0.25)), tgap = min(diff(sort(ip$target)))) }))
for (th in c(1e-3, 3e-4, 1e-4, 3e-5)) cat(th, sum(m[, "om"] < th), sum(m[, "tgap"] < th), "\n")
