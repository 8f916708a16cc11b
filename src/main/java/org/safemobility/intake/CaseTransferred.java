package org.safemobility.intake;

import java.util.UUID;

/**
 * Fired (synchronously, in the transaction that accepts a transfer, before the case changes office) so that
 * capabilities holding work for the case at the sending office end it in the same commit: open referrals are
 * withdrawn (each observer adds what it withdrew), a hold on a suspended pathway ends.
 */
public final class CaseTransferred {

    private final UUID caseId;
    private final String fromOffice;
    private final String toOffice;
    private int withdrawnReferrals;

    public CaseTransferred(UUID caseId, String fromOffice, String toOffice) {
        this.caseId = caseId;
        this.fromOffice = fromOffice;
        this.toOffice = toOffice;
    }

    public UUID caseId() {
        return caseId;
    }

    public String fromOffice() {
        return fromOffice;
    }

    public String toOffice() {
        return toOffice;
    }

    public void referralsWithdrawn(int count) {
        withdrawnReferrals += count;
    }

    public int withdrawnReferrals() {
        return withdrawnReferrals;
    }
}
