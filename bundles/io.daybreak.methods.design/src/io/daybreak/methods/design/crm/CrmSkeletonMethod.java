package io.daybreak.methods.design.crm;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import java.util.stream.LongStream;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.CrmModelFamily;
import io.daybreak.methods.design.oc.DesignMethod;

/** {@code design.crm-skeleton}: a CRM skeleton by Lee &amp; Cheung's method (R {@code dfcrm::getprior}). */
@Component(service = Method.class)
public final class CrmSkeletonMethod extends DesignMethod<CrmSkeletonMethod.SkeletonSettings> {
    /**
     * What design.crm-skeleton takes: Lee &amp; Cheung's settings, all required here (the designs take them as one
     * optional way to their skeleton), and the CRM model they share.
     */
    record SkeletonSettings(
            @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, doc = "indifference half-width delta")
            double halfwidth,
            @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false)
            double target,
            @Setting(min = 1, max = 100, doc = "dose believed to be the MTD (1-based)")
            int priorMtd,
            @Setting(min = 1, max = 100, doc = "number of dose levels")
            int doses,
            CrmModelFamily family) {

        SkeletonSettings {
            CrmSkeleton.checkLeeCheung(halfwidth, target, priorMtd, doses);
        }

        double[] skeleton() {
            return CrmSkeleton.of(CrmModel.Family.of(family), halfwidth, target, priorMtd, doses, family.intercept());
        }
    }

    public CrmSkeletonMethod() {
        super(SkeletonSettings.class, MethodDescriptor.builder("design.crm-skeleton",
                "CRM skeleton by indifference intervals (Lee & Cheung)")
                .category("design")
                .reference("Lee & Cheung, Clin Trials 6:227-238 (2009); R dfcrm::getprior")
                .description("Prior DLT probabilities per dose for the CRM such that the prior guess of the MTD has the "
                        + "target rate and the indifference intervals target +/- halfwidth of neighbouring doses meet.")
                .output(TableSpec.of("skeleton", "prior DLT probability per dose", column("dose", INT64),
                        column("skeleton", FLOAT64))));
    }

    @Override
    protected MethodResult run(SkeletonSettings settings, MethodContext context) {
        double[] skeleton = settings.skeleton();
        Table table = Table.builder(context.allocator())
                .addInt64("dose", LongStream.rangeClosed(1, settings.doses()).toArray())
                .addFloat64("skeleton", skeleton).build();
        return MethodResult.builder().output("skeleton", table).summary("skeleton", skeleton).build();
    }
}
