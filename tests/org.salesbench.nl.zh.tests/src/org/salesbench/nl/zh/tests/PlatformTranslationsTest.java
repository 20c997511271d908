package org.salesbench.nl.zh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.commands.Command;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.views.IViewCategory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The Simplified Chinese fragments of the Eclipse platform: all of them are attached to their hosts, every
 * translated key is one the host's English file has (with the same placeholders and a mnemonic where the
 * English has one), and the hosts' own message classes and plugin.xml labels come out in Chinese.
 */
class PlatformTranslationsTest {

    /** The fragments of org.salesbench.nl.zh.feature (and of the add-ons feature, for p2's user interface) and their hosts. */
    private static final Map<String, String> FRAGMENTS = Map.ofEntries(
            Map.entry("org.salesbench.nl.zh.jface", "org.eclipse.jface"),
            Map.entry("org.salesbench.nl.zh.workbench", "org.eclipse.ui.workbench"),
            Map.entry("org.salesbench.nl.zh.ui", "org.eclipse.ui"),
            Map.entry("org.salesbench.nl.zh.views", "org.eclipse.ui.views"),
            Map.entry("org.salesbench.nl.zh.forms", "org.eclipse.ui.forms"),
            Map.entry("org.salesbench.nl.zh.e4.renderers", "org.eclipse.e4.ui.workbench.renderers.swt"),
            Map.entry("org.salesbench.nl.zh.e4.minmax", "org.eclipse.e4.ui.workbench.addons.swt"),
            Map.entry("org.salesbench.nl.zh.e4.dialogs", "org.eclipse.e4.ui.dialogs"),
            Map.entry("org.salesbench.nl.zh.e4.workbench.swt", "org.eclipse.e4.ui.workbench.swt"),
            Map.entry("org.salesbench.nl.zh.p2.ui", "org.eclipse.equinox.p2.ui"),
            Map.entry("org.salesbench.nl.zh.p2.ui.sdk", "org.eclipse.equinox.p2.ui.sdk"));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+[^}]*\\}");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @Test
    void theWorkbenchRunsInSimplifiedChinese() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, Locale.getDefault(), "-Dosgi.nl=zh_CN sets the default locale");
    }

    @Test
    void everyFragmentIsAttachedToItsHost() {
        for (Map.Entry<String, String> fragment : FRAGMENTS.entrySet()) {
            assertEquals(fragment.getValue(), hostOf(installed(fragment.getKey())).getSymbolicName(), fragment.getKey());
        }
    }

    @Test
    void everyTranslationHasTheKeysPlaceholdersAndMnemonicsOfTheHostsEnglish() throws IOException {
        List<String> problems = new ArrayList<>();
        int translated = 0;
        for (String name : new TreeSet<>(FRAGMENTS.keySet())) {
            Bundle fragment = installed(name);
            Bundle host = hostOf(fragment);
            List<URL> files = Collections.list(fragment.findEntries("/", "*_zh_CN.properties", true));
            files.removeIf(url -> url.getPath().startsWith("/OSGI-INF/"));
            assertFalse(files.isEmpty(), name + " has translations");
            for (URL file : files) {
                String englishPath = file.getPath().replace("_zh_CN.properties", ".properties");
                URL englishFile = host.getEntry(englishPath);
                if (englishFile == null) {
                    problems.add(name + file.getPath() + ": the host has no " + englishPath);
                    continue;
                }
                Properties english = load(englishFile, StandardCharsets.ISO_8859_1);
                Properties chinese = load(file, StandardCharsets.UTF_8);
                for (String key : chinese.stringPropertyNames()) {
                    translated++;
                    String where = name + file.getPath() + " " + key;
                    String en = english.getProperty(key);
                    String zh = chinese.getProperty(key);
                    if (en == null) {
                        problems.add(where + ": no such key in the English file");
                        continue;
                    }
                    Set<String> enPlaceholders = placeholders(en);
                    Set<String> zhPlaceholders = placeholders(zh);
                    // a translation may drop an argument English needs only for its plural "s"
                    if (!enPlaceholders.containsAll(zhPlaceholders) || (!enPlaceholders.isEmpty() && zhPlaceholders.isEmpty())) {
                        problems.add(where + ": placeholders " + zhPlaceholders + " for " + enPlaceholders);
                    }
                    if (hasMnemonic(en) != hasMnemonic(zh) && !en.contains("<a")) {
                        problems.add(where + ": mnemonic in '" + en + "' but not in '" + zh + "' or the other way");
                    }
                    if (zh.isBlank() != en.isBlank()) {
                        problems.add(where + ": blank");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(translated > 1000, translated + " strings translated");
    }

    @Test
    void jfaceButtonsAndDialogTitlesAreChinese() {
        assertEquals("确定", IDialogConstants.OK_LABEL);
        assertEquals("取消", IDialogConstants.CANCEL_LABEL);
        assertEquals("< 上一步(&B)", IDialogConstants.BACK_LABEL);
        assertEquals("下一步(&N) >", IDialogConstants.NEXT_LABEL);
        assertEquals("完成(&F)", IDialogConstants.FINISH_LABEL);
        assertEquals("是(&Y)", IDialogConstants.YES_LABEL);
        assertEquals("否(&N)", IDialogConstants.NO_LABEL);
        assertEquals("详细信息(&D) >>", IDialogConstants.SHOW_DETAILS_LABEL);
        assertEquals("发生问题", JFaceResources.getString("Problem_Occurred"));
        assertEquals("应用并关闭", JFaceResources.getString("PreferencesDialog.okButtonLabel"));
        assertEquals("恢复默认值(&D)", JFaceResources.getString("defaults"));
    }

    @Test
    void theHostsMessageClassesLoadTheChinese() throws ReflectiveOperationException {
        Map<String, String> expected = new TreeMap<>();
        expected.put("org.eclipse.ui.workbench/org.eclipse.ui.internal.WorkbenchMessages.ShowView_shellTitle", "显示视图");
        expected.put("org.eclipse.ui.workbench/org.eclipse.ui.internal.WorkbenchMessages.SavePerspective_shellTitle", "透视图另存为...");
        expected.put("org.eclipse.ui.workbench/org.eclipse.ui.internal.WorkbenchMessages.ResetPerspective_title", "重置透视图");
        expected.put("org.eclipse.ui.workbench/org.eclipse.ui.internal.WorkbenchMessages.FilteredTree_FilterMessage", "输入过滤文本");
        expected.put("org.eclipse.ui.workbench/org.eclipse.ui.internal.progress.ProgressMessages.ProgressView_NoOperations", "当前没有要显示的操作。");
        expected.put("org.eclipse.ui.workbench/org.eclipse.ui.internal.quickaccess.QuickAccessMessages.QuickAccessContents_QuickAccess", "查找操作");
        expected.put("org.eclipse.ui.views/org.eclipse.ui.internal.views.properties.PropertiesMessages.PropertyViewer_property", "属性");
        expected.put("org.eclipse.ui.views/org.eclipse.ui.internal.views.properties.PropertiesMessages.PropertyViewer_value", "值");
        expected.put("org.eclipse.ui.forms/org.eclipse.ui.internal.forms.Messages.MessageManager_pErrorSummary", "检测到 {0} 个错误");
        expected.put("org.eclipse.e4.ui.workbench.renderers.swt/org.eclipse.e4.ui.internal.workbench.renderers.swt.SWTRenderersMessages.menuCloseOthers", "关闭其他(&O)");
        expected.put("org.eclipse.e4.ui.workbench.renderers.swt/org.eclipse.e4.ui.workbench.renderers.swt.Messages.ToolBarManagerRenderer_LockToolbars", "锁定工具栏");
        expected.put("org.eclipse.e4.ui.workbench.addons.swt/org.eclipse.e4.ui.workbench.addons.minmax.Messages.TrimStack_RestoreText", "还原(&R)");
        expected.put("org.eclipse.e4.ui.dialogs/org.eclipse.e4.ui.dialogs.textbundles.E4DialogMessages.FilteredTree_FilterMessage", "输入过滤文本");
        expected.put("org.eclipse.e4.ui.workbench.swt/org.eclipse.e4.ui.workbench.swt.internal.copy.WorkbenchSWTMessages.ShowView_shellTitle", "显示视图");
        // Help › Install New Software…: the wizard's first page and its site field
        expected.put("org.eclipse.equinox.p2.ui/org.eclipse.equinox.internal.p2.ui.ProvUIMessages.AvailableIUsPage_Title", "可用软件");
        expected.put("org.eclipse.equinox.p2.ui/org.eclipse.equinox.internal.p2.ui.ProvUIMessages.AvailableIUsPage_RepoFilterLabel", "使用站点(&W)：");
        Map<String, String> actual = new TreeMap<>();
        for (String field : expected.keySet()) {
            String host = field.substring(0, field.indexOf('/'));
            String className = field.substring(host.length() + 1, field.lastIndexOf('.'));
            Class<?> messages = installed(host).loadClass(className);
            actual.put(field, (String) messages.getField(field.substring(field.lastIndexOf('.') + 1)).get(null));
        }
        assertEquals(expected, actual);
    }

    @Test
    void theHostsPluginXmlLabelsAreChinese() {
        assertEquals("属性", PlatformUI.getWorkbench().getViewRegistry().find(IPageLayout.ID_PROP_SHEET).getLabel());
        IViewCategory general = java.util.Arrays.stream(PlatformUI.getWorkbench().getViewRegistry().getCategories())
                .filter(category -> category.getId().equals("org.eclipse.ui")).findFirst().orElseThrow();
        assertEquals("常规", general.getLabel());
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        Command resetPerspective = commands.getCommand("org.eclipse.ui.window.resetPerspective");
        assertEquals("重置透视图", name(resetPerspective));
        assertEquals("显示视图菜单", name(commands.getCommand("org.eclipse.ui.window.showViewMenu")));
        assertEquals("安装新软件...", name(commands.getCommand("org.eclipse.equinox.p2.ui.sdk.install")));
    }

    @Test
    void theFragmentsNameThemselvesInChinese() {
        for (String fragment : FRAGMENTS.keySet()) {
            String name = installed(fragment).getHeaders().get("Bundle-Name");
            assertTrue(CHINESE.matcher(name).find(), fragment + " is called " + name);
        }
    }

    private static String name(Command command) {
        try {
            return command.getName();
        } catch (org.eclipse.core.commands.common.NotDefinedException e) {
            throw new AssertionError(command.getId() + " is not defined", e);
        }
    }

    private static Bundle installed(String symbolicName) {
        for (Bundle bundle : FrameworkUtil.getBundle(PlatformTranslationsTest.class).getBundleContext().getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    private static Bundle hostOf(Bundle fragment) {
        BundleWiring wiring = fragment.adapt(BundleWiring.class);
        assertNotNull(wiring, fragment.getSymbolicName() + " is resolved");
        return wiring.getRequiredWires(HostNamespace.HOST_NAMESPACE).get(0).getProvider().getBundle();
    }

    private static Properties load(URL url, java.nio.charset.Charset charset) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(new InputStreamReader(in, charset));
        }
        return properties;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static boolean hasMnemonic(String text) {
        return text.replace("&&", "").contains("&");
    }
}
