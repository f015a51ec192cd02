source("docs/validation/r/boin12/boin12_sim.R")
b1 <- boin12_boundaries(0.35, 0.25, 30, method="numeric")
b2 <- boin12_boundaries(0.35, 0.25, 30, method="lambda")
print(b1$lambda, digits=12)
tab <- rbind(n=1:30, esc=b1$esc, esc_l=b2$esc, deesc=b1$deesc, deesc_l=b2$deesc, elimT=b1$elimT, elimE=b1$elimE)
print(tab[, c(3,6,9,12,15,18,21,24,27,30)])
cat("numeric==lambda at all n:", identical(b1$esc,b2$esc), identical(b1$deesc,b2$deesc), "\n")
print(which(b1$deesc!=b2$deesc)); print(which(b1$esc!=b2$esc))
set.seed(3)
mx <- 0; mb <- 0
for (k in 1:300) { J<-5; y<-runif(J); w<-runif(J,0.5,10); m<-sample(J,1)
  a<-unimodal_fit_exact(y,w,m); b<-unimodal_fit_iso(y,w,m,FALSE); c<-unimodal_fit_iso(y,w,m,TRUE)
  mx <- max(mx, max(abs(a-b))); mb <- max(mb, max(abs(a-c))) }
cat("max |exact - iso_fixed| =", mx, " max |exact - iso_bug| =", mb, "\n")
