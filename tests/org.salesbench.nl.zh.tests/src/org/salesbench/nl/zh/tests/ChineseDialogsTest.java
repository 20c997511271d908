package org.salesbench.nl.zh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.IWorkbenchWizard;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.views.properties.PropertySheet;
import org.junit.jupiter.api.Test;

/**
 * What a Salesbench user sees of the platform under -nl zh_CN: the wizard, preference, Show View, About and
 * Customize Perspective dialogs and the Properties view, opened in the real workbench.
 */
class ChineseDialogsTest {

    private final IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
    private final IWorkbenchPage page = window.getActivePage();

    @Test
    void theNewCustomerWizardHasChineseButtons() throws Exception {
        IWorkbenchWizard wizard = PlatformUI.getWorkbench().getNewWizardRegistry()
                .findWizard("org.salesbench.customers.ui.wizards.newCustomer").createWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        WizardDialog dialog = new WizardDialog(window.getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            List<String> buttons = buttons(dialog.getShell());
            assertTrue(buttons.containsAll(List.of("< 上一步(&B)", "下一步(&N) >", "完成(&F)", "取消")), buttons.toString());
        } finally {
            dialog.close();
        }
    }

    @Test
    void thePreferenceDialogChromeIsChinese() {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window.getShell(), "org.salesbench.ui.preferences.database",
                null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            assertEquals("首选项", dialog.getShell().getText());
            List<String> buttons = buttons(dialog.getShell());
            assertTrue(buttons.containsAll(List.of("恢复默认值(&D)", "应用(&A)", "应用并关闭", "取消")), buttons.toString());
            assertTrue(texts(dialog.getShell()).stream().anyMatch(text -> "输入过滤文本".equals(text.getMessage())),
                    "the page filter says 输入过滤文本");
        } finally {
            dialog.close();
        }
    }

    @Test
    void theShowViewDialogIsChinese() throws Exception {
        List<String> seen = whileOpen("org.eclipse.ui.views.showView", shell -> {
            List<String> found = new ArrayList<>();
            found.add(shell.getText());
            found.addAll(buttons(shell));
            for (Tree tree : trees(shell)) {
                for (TreeItem item : tree.getItems()) {
                    found.add(item.getText());
                }
            }
            texts(shell).forEach(text -> found.add(text.getMessage()));
            return found;
        });
        assertTrue(seen.containsAll(List.of("显示视图", "打开(&O)", "取消", "常规", "输入过滤文本")), seen.toString());
    }

    @Test
    void theAboutDialogIsChinese() throws Exception {
        List<String> seen = whileOpen("org.eclipse.ui.help.aboutAction", shell -> {
            List<String> found = new ArrayList<>(buttons(shell));
            found.add(shell.getText());
            return found;
        });
        assertTrue(seen.containsAll(List.of("关于 Salesbench", "安装详细信息(&I)", "关闭(&C)")), seen.toString());
    }

    @Test
    void theCustomizePerspectiveDialogIsChinese() throws Exception {
        List<String> seen = whileOpen("org.eclipse.ui.window.customizePerspective", shell -> {
            List<String> found = new ArrayList<>(buttons(shell));
            for (TabFolder folder : all(shell, TabFolder.class)) {
                for (TabItem tab : folder.getItems()) {
                    found.add(tab.getText());
                }
            }
            return found;
        });
        assertTrue(seen.containsAll(List.of("工具栏可见性", "菜单可见性", "操作集可用性", "快捷方式", "应用并关闭(&A)", "取消")),
                seen.toString());
    }

    @Test
    void thePropertiesViewIsChinese() throws Exception {
        IViewPart view = page.showView(IPageLayout.ID_PROP_SHEET);
        assertEquals("属性", view.getTitle());
        Tree tree = (Tree) ((PropertySheet) view).getCurrentPage().getControl();
        List<String> columns = new ArrayList<>();
        for (TreeColumn column : tree.getColumns()) {
            columns.add(column.getText());
        }
        assertEquals(List.of("属性", "值"), columns);
    }

    /**
     * Runs the command that opens a modal dialog and looks at the dialog from inside its event loop, then
     * closes it (the command returns once the dialog is closed).
     */
    private <T> T whileOpen(String commandId, Function<Shell, T> inspect) throws Exception {
        Display display = Display.getCurrent();
        Shell main = window.getShell();
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long deadline = System.currentTimeMillis() + 20_000;
        display.timerExec(100, new Runnable() {
            @Override
            public void run() {
                for (Shell dialog : main.getShells()) {
                    if (dialog.isVisible()) {
                        try {
                            result.set(inspect.apply(dialog));
                        } catch (RuntimeException e) {
                            failure.set(e);
                        } finally {
                            dialog.close();
                        }
                        return;
                    }
                }
                if (System.currentTimeMillis() < deadline) {
                    display.timerExec(100, this);
                }
            }
        });
        window.getService(IHandlerService.class).executeCommand(commandId, null);
        if (failure.get() != null) {
            throw failure.get();
        }
        if (result.get() == null) {
            throw new AssertionError(commandId + " opened no dialog");
        }
        return result.get();
    }

    private static List<String> buttons(Control root) {
        return all(root, Button.class).stream().map(Button::getText).toList();
    }

    private static List<Text> texts(Control root) {
        return all(root, Text.class);
    }

    private static List<Tree> trees(Control root) {
        return all(root, Tree.class);
    }

    private static <C extends Control> List<C> all(Control root, Class<C> type) {
        List<C> found = new ArrayList<>();
        if (type.isInstance(root)) {
            found.add(type.cast(root));
        }
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                found.addAll(all(child, type));
            }
        }
        return found;
    }
}
