package io.daybreak.methods.stats.settings;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.testing.ParameterSpecsPin;
import io.daybreak.methods.stats.descriptive.DescribeFederatedMethod;
import io.daybreak.methods.stats.descriptive.DescribeMethod;
import io.daybreak.methods.stats.glm.FirthFederatedMethod;
import io.daybreak.methods.stats.glm.FirthMethod;
import io.daybreak.methods.stats.glm.GlmFederatedMethod;
import io.daybreak.methods.stats.glm.GlmMethod;
import io.daybreak.methods.stats.rmst.RmstFederatedMethod;
import io.daybreak.methods.stats.rmst.RmstMethod;
import io.daybreak.methods.stats.survival.CoxFederatedMethod;
import io.daybreak.methods.stats.survival.CoxMethod;
import io.daybreak.methods.stats.survival.KaplanMeierFederatedMethod;
import io.daybreak.methods.stats.survival.KaplanMeierMethod;
import io.daybreak.methods.stats.survival.LogRankFederatedMethod;
import io.daybreak.methods.stats.survival.LogRankMethod;
import io.daybreak.methods.stats.synthetic.SimulateTrialMethod;
import io.daybreak.methods.stats.table.TableFederatedMethod;
import io.daybreak.methods.stats.table.TableMethod;
import io.daybreak.methods.stats.zph.CoxZphMethod;

/**
 * Users see no change when a method moves to a settings record (issue 14): every method's and federated
 * method's parameter specs equal those pinned in {@code previous-parameter-specs.txt}, written from the code
 * before typed settings.
 */
class ParameterSpecsPinTest {
    @Test
    void everyMethodDeclaresTheParametersItDeclaredBeforeTypedSettings() {
        List<MethodDescriptor> descriptors = List.of(
                new DescribeMethod().descriptor(),
                new DescribeFederatedMethod().descriptor(),
                new TableMethod().descriptor(),
                new TableFederatedMethod().descriptor(),
                new GlmMethod().descriptor(),
                new GlmFederatedMethod().descriptor(),
                new FirthMethod().descriptor(),
                new FirthFederatedMethod().descriptor(),
                new KaplanMeierMethod().descriptor(),
                new KaplanMeierFederatedMethod().descriptor(),
                new LogRankMethod().descriptor(),
                new LogRankFederatedMethod().descriptor(),
                new CoxMethod().descriptor(),
                new CoxFederatedMethod().descriptor(),
                new SimulateTrialMethod().descriptor(),
                new CoxZphMethod().descriptor(),
                new RmstMethod().descriptor(),
                new RmstFederatedMethod().descriptor());
        ParameterSpecsPin.assertUnchanged(ParameterSpecsPinTest.class, "previous-parameter-specs.txt", descriptors);
    }
}
