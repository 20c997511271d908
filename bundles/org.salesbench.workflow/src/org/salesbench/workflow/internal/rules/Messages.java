package org.salesbench.workflow.internal.rules;

import org.eclipse.osgi.util.NLS;

/** The automation rules' strings (validation, the engine's log, the built-in triggers, actions and field catalogues). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.internal.rules.messages";

    public static String Rule_nameMissing;
    public static String Rule_entityUnknown;
    public static String Rule_triggerUnknown;
    public static String Rule_triggerPart;
    public static String Rule_actionPart;
    public static String Rule_parameterMissing;
    public static String Rule_parameterNotNumber;
    public static String Rule_parameterUnknownField;
    public static String Rule_conditionUnknownField;
    public static String Rule_conditionNoOperator;
    public static String Rule_conditionWrongType;
    public static String Rule_conditionBadValue;
    public static String Rule_noActions;
    public static String Rule_actionUnknown;
    public static String Rule_scheduleNotOffered;
    public static String Rule_stageOnlyOpportunity;
    public static String Rule_fieldNotSettable;
    public static String Rule_valueWrongType;
    public static String Rule_assignOnlyLeadsOpportunities;
    public static String Run_noRule;
    public static String Run_notScheduled;
    public static String Run_noRecord;
    public static String Run_entityMismatch;
    public static String Engine_loopStopped;
    public static String Engine_depthStopped;
    public static String Engine_actionMissing;
    public static String Engine_actionNotLoaded;
    public static String Engine_noService;
    public static String Engine_triggerFailed;
    public static String Type_TEXT;
    public static String Type_NUMBER;
    public static String Type_DATE;
    public static String Type_BOOLEAN;
    public static String Operator_EQUALS;
    public static String Operator_NOT_EQUALS;
    public static String Operator_GREATER_THAN;
    public static String Operator_AT_LEAST;
    public static String Operator_LESS_THAN;
    public static String Operator_AT_MOST;
    public static String Operator_CONTAINS;
    public static String Operator_IS_EMPTY;
    public static String Operator_IS_NOT_EMPTY;
    public static String Param_field;
    public static String Param_to;
    public static String Param_toStage;
    public static String Param_title;
    public static String Param_dueInDays;
    public static String Param_assignee;
    public static String Param_priority;
    public static String Param_value;
    public static String Param_strategy;
    public static String Param_recipient;
    public static String Param_message;
    public static String Param_definition;
    public static String Action_notifyDescription;
    public static String Action_taskDescription;
    public static String Action_noManager;
    public static String Action_unknownPriority;
    public static String Field_owner;
    public static String Field_name;
    public static String Field_industry;
    public static String Field_region;
    public static String Field_grade;
    public static String Field_source;
    public static String Field_status;
    public static String Field_nextFollowUp;
    public static String Field_size;
    public static String Field_amount;
    public static String Field_stage;
    public static String Field_pipeline;
    public static String Field_state;
    public static String Field_probability;
    public static String Field_expectedCloseDate;
    public static String Field_nextStep;
    public static String Field_customer;
    public static String Field_company;
    public static String Field_contactName;
    public static String Field_score;
    public static String Field_budget;
    public static String Field_need;
    public static String Field_grandTotal;
    public static String Field_discountTotal;
    public static String Field_validUntil;
    public static String Field_notes;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }

    /** The name of a field type as messages show it. */
    public static String typeName(org.salesbench.workflow.rules.FieldType type) {
        return switch (type) {
        case TEXT -> Type_TEXT;
        case NUMBER -> Type_NUMBER;
        case DATE -> Type_DATE;
        case BOOLEAN -> Type_BOOLEAN;
        };
    }

    /** A comparison as messages and the editor show it. */
    public static String operatorLabel(org.salesbench.workflow.rules.Operator operator) {
        return switch (operator) {
        case EQUALS -> Operator_EQUALS;
        case NOT_EQUALS -> Operator_NOT_EQUALS;
        case GREATER_THAN -> Operator_GREATER_THAN;
        case AT_LEAST -> Operator_AT_LEAST;
        case LESS_THAN -> Operator_LESS_THAN;
        case AT_MOST -> Operator_AT_MOST;
        case CONTAINS -> Operator_CONTAINS;
        case IS_EMPTY -> Operator_IS_EMPTY;
        case IS_NOT_EMPTY -> Operator_IS_NOT_EMPTY;
        };
    }
}
