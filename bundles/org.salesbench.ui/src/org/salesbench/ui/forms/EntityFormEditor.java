package org.salesbench.ui.forms;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.jface.commands.ActionHandler;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.operations.OperationHistoryActionHandler;
import org.eclipse.ui.operations.RedoActionHandler;
import org.eclipse.ui.operations.UndoActionHandler;
import org.eclipse.ui.forms.editor.FormEditor;
import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.ui.internal.RecordPages;

/**
 * A form editor over one entity that its model service validates and saves. Each edit is
 * validated; errors show on their fields (pages implementing {@link ValidatingPage}) and Save
 * stays disabled while there are any. A save that lost a race with another user is never forced
 * through: the user chooses between reloading and keeping the edits. An editor that names the fields it edits
 * ({@link #editedFields()}) makes each save undoable: Edit › Undo (Ctrl+Z) puts the values before the save back.
 *
 * @param <T> the entity
 */
public abstract class EntityFormEditor<T> extends FormEditor {

    private T entity;
    private boolean dirty;
    private Map<String, String> errors = new HashMap<>();
    private final Map<String, String> inputErrors = new HashMap<>();
    private BooleanSupplier conflictPrompt = this::askReloadAfterConflict;
    /** The conflict the prompt is about: it names who saved meanwhile, when known. */
    private ConcurrentChangeException lastConflict;
    private OperationHistoryActionHandler undo;
    private OperationHistoryActionHandler redo;

    /** Edit › Undo and Redo (Ctrl+Z, Ctrl+Shift+Z) while this editor is active: the workbench's one history. */
    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        super.init(site, input);
        if (editedFields() != null) {
            undo = new UndoActionHandler(site, Undo.context());
            redo = new RedoActionHandler(site, Undo.context());
            IHandlerService handlers = site.getService(IHandlerService.class); // the part's: active while it is
            handlers.activateHandler(IWorkbenchCommandConstants.EDIT_UNDO, new ActionHandler(undo));
            handlers.activateHandler(IWorkbenchCommandConstants.EDIT_REDO, new ActionHandler(redo));
        }
    }

    /**
     * Copies the fields this editor edits from the first copy of the record onto the second (which is then saved), for
     * Edit › Undo of a save; {@code null} (the default): saves are not undoable. Only for entities
     * ({@link AbstractEntity}): the version says whether someone changed the record since.
     */
    protected BiConsumer<T, T> editedFields() {
        return null;
    }

    /** The entity as edited. */
    public T entity() {
        return entity;
    }

    /**
     * The entity name of the edited record (its {@code ENTITY} constant, e.g. {@code customer}), or {@code null}: an
     * editor that names it gets the pages every record editor shows ({@code org.salesbench.ui.recordPages}, e.g. the
     * History) after its own.
     */
    public String recordEntity() {
        return null;
    }

    /** The edited record's id; 0 while it is not saved. */
    public long recordId() {
        Long id = entity instanceof AbstractEntity e ? e.getId() : null;
        return id == null ? 0 : id;
    }

    /** The editor's own pages ({@link #addPages()}), then the pages every record editor shows. */
    @Override
    protected void createPages() {
        super.createPages();
        String recordEntity = recordEntity();
        if (recordEntity == null) {
            return;
        }
        for (RecordPages.Descriptor d : RecordPages.all()) {
            org.eclipse.ui.forms.editor.IFormPage page = d.factory().get()
                    .map(f -> LazyContribution.safeCall(d.id(), () -> f.createPage(this, d.id(), d.label(), recordEntity, this::recordId),
                            (org.eclipse.ui.forms.editor.IFormPage) null))
                    .orElse(null);
            if (page != null) {
                try {
                    addPage(page);
                } catch (PartInitException e) {
                    org.eclipse.core.runtime.ILog.of(EntityFormEditor.class).error(d.id() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Sets the entity the editor shows, before the pages are made or after a reload. */
    protected void setEntity(T entity) {
        this.entity = entity;
    }

    /**
     * How the editor checks, saves and reads its record, through its module's service.
     *
     * @param validate        throws the model's {@link ValidationException} if the record is not valid
     * @param save            saves; may throw {@link ConcurrentChangeException} or {@link ValidationException}
     * @param read            reads the stored record again
     * @param title           the record's name for the tab, the form heading and messages
     * @param cannotSaveTitle the title of the error shown when the record cannot be saved ("Cannot save the customer")
     */
    public record Editing<T>(Consumer<T> validate, Consumer<T> save, Function<T, Optional<T>> read, Function<T, String> title,
            String cannotSaveTitle) {
    }

    /** The editor's {@link Editing}, asked each time it is used. */
    protected abstract Editing<T> editing();

    private void validate(T entity) {
        editing().validate().accept(entity);
    }

    private void save(T entity) {
        editing().save().accept(entity);
    }

    private Optional<T> read(T entity) {
        return editing().read().apply(entity);
    }

    private String title(T entity) {
        return editing().title().apply(entity);
    }

    private String cannotSaveTitle() {
        return editing().cannotSaveTitle();
    }

    /** Called by pages after every edit. */
    public void markDirty() {
        dirty = true;
        revalidate();
        editorDirtyStateChanged();
    }

    private void revalidate() {
        Map<String, String> found = new HashMap<>(inputErrors);
        try {
            validate(entity);
        } catch (ValidationException e) {
            for (FieldError error : e.getErrors()) {
                found.putIfAbsent(error.field(), error.message());
            }
        }
        errors = found;
        for (Object page : pages) {
            if (page instanceof ValidatingPage<?> v) {
                v.showErrors(errors);
            }
        }
        if (getActivePageInstance() != null && getActivePageInstance().getManagedForm() != null) {
            getActivePageInstance().getManagedForm().getForm().setMessage(
                    errors.isEmpty() ? null : NLS.bind(Messages.Editor_errors, errors.size(), errors.values().iterator().next()),
                    errors.isEmpty() ? IMessageProvider.NONE : IMessageProvider.ERROR);
        }
    }

    /**
     * Records (or with {@code null} clears) an error the model cannot see, e.g. text that is not a
     * number; it counts like a validation error until the field is fixed.
     */
    public void setInputError(String field, String message) {
        if (message == null) {
            inputErrors.remove(field);
        } else {
            inputErrors.put(field, message);
        }
    }

    /** The current field errors, field name to message. */
    public Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    /** Dirty only when valid too, so that Save is disabled while a field is wrong. */
    @Override
    public boolean isDirty() {
        return dirty && errors.isEmpty();
    }

    /** Whether there are unsaved edits, valid or not. */
    public boolean hasChanges() {
        return dirty;
    }

    @Override
    public boolean isSaveOnCloseNeeded() {
        return dirty;
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        revalidate();
        if (!errors.isEmpty()) {
            MessageDialog.openError(getSite().getShell(), cannotSaveTitle(), String.join("\n", errors.values()));
            monitor.setCanceled(true);
            return;
        }
        try {
            BiConsumer<T, T> fields = entity instanceof AbstractEntity ? editedFields() : null;
            T before = fields == null ? null : read(entity).orElse(null); // as stored: what Undo puts back
            Editing<T> editing = editing();
            save(entity);
            reload();
            if (before != null && SavedEditOperation.version(before) != SavedEditOperation.version(entity)) {
                Undo.done(new SavedEditOperation<>(editing, fields, before, read(entity).orElse(entity), getEditorInput()));
            }
        } catch (ConcurrentChangeException e) {
            monitor.setCanceled(true);
            lastConflict = e;
            if (conflictPrompt.getAsBoolean()) {
                reload();
            }
        } catch (ValidationException e) {
            monitor.setCanceled(true);
            MessageDialog.openError(getSite().getShell(), cannotSaveTitle(), e.getMessage());
        }
    }

    private boolean askReloadAfterConflict() {
        String who = lastConflict == null ? null : lastConflict.getChangedBy();
        String message = who == null ? NLS.bind(Messages.Editor_conflict, title(entity)) : NLS.bind(Messages.Editor_conflictBy, title(entity), who);
        MessageDialog dialog = new MessageDialog(getSite().getShell(), Messages.Editor_conflictTitle, null,
                message, MessageDialog.WARNING, 0, Messages.Editor_reload, Messages.Editor_keepMine);
        return dialog.open() == 0;
    }

    /** Tests answer the conflict question themselves: {@code true} reloads. */
    public void setConflictPrompt(BooleanSupplier prompt) {
        this.conflictPrompt = prompt;
    }

    /** Reads the entity again, dropping unsaved edits, and shows it on every page. */
    @SuppressWarnings("unchecked")
    public void reload() {
        entity = read(entity).orElse(entity);
        dirty = false;
        errors = new HashMap<>();
        inputErrors.clear();
        setPartName(title(entity));
        reloaded(entity);
        for (Object page : pages) {
            if (page instanceof ValidatingPage<?> v) {
                ((ValidatingPage<T>) v).reload(entity);
                v.showErrors(errors);
            }
        }
        editorDirtyStateChanged();
    }

    /** After a reload: the editor input takes the record's name as it is stored now. */
    protected void reloaded(T entity) {
        if (getEditorInput() instanceof EntityEditorInput input) {
            input.setName(title(entity));
        }
    }

    @Override
    public void dispose() {
        if (undo != null) {
            undo.dispose();
            redo.dispose();
        }
        super.dispose();
    }

    @Override
    public void doSaveAs() {
        // not offered
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    /** A page that shows the entity's fields and their errors. */
    public interface ValidatingPage<T> {
        void showErrors(Map<String, String> errors);

        void reload(T entity);
    }
}
