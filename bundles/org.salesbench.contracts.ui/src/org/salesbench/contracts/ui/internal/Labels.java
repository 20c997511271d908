package org.salesbench.contracts.ui.internal;

import java.text.NumberFormat;
import java.util.Currency;

import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.receivables.InvoiceStatus;
import org.salesbench.contracts.receivables.OpenInstalment;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;

/** Contract values as users read them. */
public final class Labels {

    private Labels() {
    }

    public static String of(ContractStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case DRAFT -> Messages.Status_draft;
            case IN_APPROVAL -> Messages.Status_inApproval;
            case APPROVED -> Messages.Status_approved;
            case SIGNED -> Messages.Status_signed;
            case ACTIVE -> Messages.Status_active;
            case COMPLETED -> Messages.Status_completed;
            case TERMINATED -> Messages.Status_terminated;
            case EXPIRED -> Messages.Status_expired;
            case CANCELLED -> Messages.Status_cancelled;
        };
    }

    public static String of(ReceiptMethod method) {
        if (method == null) {
            return "";
        }
        return switch (method) {
            case BANK_TRANSFER -> Messages.Method_bankTransfer;
            case CASH -> Messages.Method_cash;
            case CHEQUE -> Messages.Method_cheque;
            case CARD -> Messages.Method_card;
            case ALIPAY -> Messages.Method_alipay;
            case WECHAT_PAY -> Messages.Method_wechatPay;
            case ACCEPTANCE_BILL -> Messages.Method_acceptanceBill;
            case OTHER -> Messages.Method_other;
            case CREDIT -> Messages.Method_credit;
        };
    }

    public static String of(InvoiceStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case REQUESTED -> Messages.Invoice_requested;
            case ISSUED -> Messages.Invoice_issued;
            case VOID -> Messages.Invoice_void;
        };
    }

    public static String of(OpenInstalment.Bucket bucket) {
        return switch (bucket) {
            case NOT_DUE -> Messages.Bucket_notDue;
            case DAYS_0_30 -> Messages.Bucket_0_30;
            case DAYS_31_60 -> Messages.Bucket_31_60;
            case DAYS_61_90 -> Messages.Bucket_61_90;
            case DAYS_OVER_90 -> Messages.Bucket_over90;
        };
    }

    /** The amount with its currency symbol and cents. */
    /** A contract file's kind: a generated document or an attachment. */
    public static String kind(org.salesbench.contracts.ContractAttachment file) {
        return org.salesbench.contracts.ContractAttachments.KIND_DOCUMENT.equals(file.getKind()) ? Messages.Documents_kindDocument
                : Messages.Documents_kindAttachment;
    }

    /** A file size in bytes, KB or MB. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    public static String money(Money money) {
        if (money == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance();
        format.setCurrency(Currency.getInstance(money.getCurrency()));
        return format.format(money.getAmount());
    }
}
