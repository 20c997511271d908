package org.salesbench.contracts.receivables;

/** How money came in. */
public enum ReceiptMethod {
    BANK_TRANSFER, CASH, CHEQUE, CARD, ALIPAY, WECHAT_PAY, ACCEPTANCE_BILL, OTHER
}
