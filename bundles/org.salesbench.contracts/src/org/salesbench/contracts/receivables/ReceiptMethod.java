package org.salesbench.contracts.receivables;

/** How money came in. */
public enum ReceiptMethod {
    BANK_TRANSFER, CASH, CHEQUE, CARD, ALIPAY, WECHAT_PAY, ACCEPTANCE_BILL, OTHER,
    /** The customer's credit applied to an instalment ({@code ReceivablesService#applyCredit}): no new money, never recorded as a receipt by hand. */
    CREDIT
}
