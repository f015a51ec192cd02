/**
 * Subgroup identification: a CART regression tree (as rpart's anova method), bagged random-feature trees, Virtual
 * Twins (Foster et al. 2011), a SIDES-type recursive search (Lipkovich et al. 2011), treatment effects within a
 * subgroup and bootstrap bias correction of the effect of a selected subgroup. Plain functions of arrays, no Arrow,
 * no OSGi.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package io.daybreak.stats.biomarker.subgroup;
