package org.salesbench.quotes.internal;

import static org.salesbench.importexport.TargetField.of;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.model.Money;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.RecordChunks;
import org.salesbench.importexport.targets.RecordVersions;
import org.salesbench.importexport.targets.ServiceRows;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.ProductService;

/**
 * The product catalogue's import and export target ({@code org.salesbench.importexport.targets}), written through
 * {@link ProductService}. A row without a code gets one made from its
 * name ("GTX Pro" becomes GTX-PRO); a missing unit is {@value #DEFAULT_UNIT} and a missing tax rate 0, each noted.
 * Rows match on code, name (ignoring case) or external id.
 */
public class ProductsTarget implements ImportTarget {

    public static final String ID = "products";
    static final String ENTITY = Product.ENTITY;

    @Override
    public String entity() {
        return ENTITY;
    }
    static final String DEFAULT_UNIT = "unit";

    static final String CODE = "code", NAME = "name", UNIT = "unit", LIST_PRICE = "listPrice", CURRENCY = "currency",
            TAX_RATE = "taxRate", ACTIVE = "active", DESCRIPTION = "description", EXTERNAL_ID = "externalId";

    @Override
    public List<TargetField> fields() {
        return List.of(
                of(CODE, Messages.Product_code, FieldType.TEXT, false, "Code", "Product Code", "SKU", "Item Code", "产品编码", "编码",
                        "货号"),
                of(NAME, Messages.Product_name, FieldType.TEXT, true, "Name", "Product", "Product Name", "产品", "产品名称", "名称"),
                of(UNIT, Messages.Product_unit, FieldType.TEXT, false, "Unit", "Quantity Unit", "Usage Unit", "单位"),
                of(LIST_PRICE, Messages.Product_listPrice, FieldType.NUMBER, true, "List Price", "Price", "sales_price", "Sales Price",
                        "Unit Price", "标价", "价格", "单价"),
                of(CURRENCY, TargetMessages.Field_currency, FieldType.TEXT, false, "Currency", "Currency ISO Code", "币种", "货币"),
                of(TAX_RATE, Messages.Import_taxRate, FieldType.NUMBER, false, "Tax Rate", "Tax", "VAT", "税率"),
                of(ACTIVE, Messages.Product_active, FieldType.BOOLEAN, false, "Active", "Product Active", "IsActive", "在售", "启用"),
                of(DESCRIPTION, TargetMessages.Field_description, FieldType.TEXT, false, "Description", "Product Description", "描述", "说明"),
                of(EXTERNAL_ID, TargetMessages.Field_externalId, FieldType.TEXT, false, "External ID", "Product ID", "Record Id", "外部编号"),
                RecordVersions.field());
    }

    @Override
    public List<String> keyFields() {
        return List.of(CODE, NAME, EXTERNAL_ID);
    }

    @Override
    public String normaliseKey(String field, Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A code the catalogue accepts, made from a name: letters and digits upper-cased, the rest a dash. */
    static String codeFrom(String name) {
        String code = name.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9._]+", "-").replaceAll("^-+|-+$", "");
        return code.length() > 32 ? code.substring(0, 32) : code;
    }

    @Override
    public TargetWriter open(ImportContext context) {
        ProductService service = context.service(ProductService.class);
        return (rows, match) -> context.unitOfWork().write(em -> {
            try {
                return write(context, em, service, rows, match);
            } catch (SQLException e) {
                throw new PersistenceException(e.getMessage(), e);
            }
        });
    }

    private static List<RowOutcome> write(ImportContext context, EntityManager em, ProductService service, List<ImportRow> rows,
            MatchPolicy match) throws SQLException {
        Connection connection = em.unwrap(Connection.class);
        List<RowOutcome> outcomes = new ArrayList<>();
        Map<String, Long> externalIds = new HashMap<>();
        for (ImportRow row : rows) {
            Product existing = match.onMatch() == OnMatch.CREATE ? null : match(em, connection, service, row, match.keys());
            if (existing != null && match.onMatch() == OnMatch.SKIP) {
                outcomes.add(RowOutcome.skipped(existing.getId()));
                continue;
            }
            RowOutcome stale = existing == null ? null : RecordVersions.refusal(row, existing, existing.getName());
            if (stale != null) {
                outcomes.add(stale);
                continue;
            }
            Product p = existing != null ? existing : new Product();
            apply(context, row, p);
            outcomes.add(ServiceRows.save(em, row.text(EXTERNAL_ID), existing, p, service::create, service::update, Product::getId, externalIds));
        }
        ExternalIds.put(connection, ENTITY, externalIds);
        return outcomes;
    }

    private static void apply(ImportContext context, ImportRow row, Product p) {
        if (row.has(NAME)) p.setName(row.text(NAME));
        if (row.has(CODE) && !blank(row.text(CODE))) {
            p.setCode(row.text(CODE).strip());
        } else if (p.getCode() == null && p.getName() != null) {
            p.setCode(codeFrom(p.getName()));
            context.note(Messages.Import_codeDerived);
        }
        if (row.has(UNIT) && !blank(row.text(UNIT))) {
            p.setUnit(row.text(UNIT));
        } else if (p.getUnit() == null) {
            p.setUnit(DEFAULT_UNIT);
            context.note(NLS.bind(Messages.Import_unitDefault, DEFAULT_UNIT));
        }
        if (row.has(LIST_PRICE)) {
            BigDecimal price = (BigDecimal) row.get(LIST_PRICE);
            String currency = row.text(CURRENCY);
            if (blank(currency)) {
                currency = p.getListPrice() != null ? p.getListPrice().getCurrency() : Money.DEFAULT_CURRENCY;
            }
            p.setListPrice(price == null ? null : Money.of(price, currency.strip().toUpperCase(Locale.ROOT)));
        }
        if (row.has(TAX_RATE) && row.get(TAX_RATE) != null) {
            p.setTaxRate((BigDecimal) row.get(TAX_RATE));
        } else if (p.getTaxRate() == null) {
            p.setTaxRate(BigDecimal.ZERO);
            context.note(Messages.Import_taxRateDefault);
        }
        if (row.has(ACTIVE) && row.get(ACTIVE) != null) p.setActive((Boolean) row.get(ACTIVE));
        if (row.has(DESCRIPTION)) p.setDescription(row.text(DESCRIPTION));
    }

    private static Product match(EntityManager em, Connection connection, ProductService service, ImportRow row, List<String> keys)
            throws SQLException {
        for (String key : keys) {
            String value = row.text(key);
            if (blank(value)) {
                continue;
            }
            Optional<Product> found = switch (key) {
            case CODE -> service.findByCode(value.strip());
            case NAME -> em.createQuery("SELECT p FROM Product p WHERE LOWER(p.name) = :name", Product.class)
                    .setParameter("name", value.strip().toLowerCase(Locale.ROOT)).getResultList().stream().findFirst();
            default -> Optional.ofNullable(ExternalIds.find(connection, ENTITY, "SB_PRODUCT", List.of(value.strip())).get(value.strip()))
                    .map(id -> em.find(Product.class, id));
            };
            if (found.isPresent()) {
                return em.find(Product.class, found.get().getId());
            }
        }
        return null;
    }

    @Override
    public boolean canExport() {
        return true;
    }

    /** The whole catalogue, inactive products too, by code. There is no filter: {@code filter} is ignored. */
    @Override
    public void export(ImportContext context, Object filter, RecordWriter out, IProgressMonitor monitor) throws IOException {
        List<TargetField> fields = fields();
        long[] ids = context.unitOfWork().read(em -> em.createQuery("SELECT p.id FROM Product p ORDER BY p.code, p.id", Long.class)
                .getResultList().stream().mapToLong(Long::longValue).toArray());
        RecordChunks.export(context, ids, fields, out, monitor,
                (em, chunk) -> em.createQuery("SELECT p FROM Product p WHERE p.id IN :ids", Product.class).setParameter("ids", chunk)
                        .getResultList(),
                Product::getId, (em, products) -> {
                    Map<Long, String> external = ExternalIds.of(em, ENTITY, products.stream().map(Product::getId).toList());
                    return products.stream().map(p -> fields.stream().map(f -> (Object) switch (f.name()) {
                    case CODE -> p.getCode();
                    case NAME -> p.getName();
                    case UNIT -> p.getUnit();
                    case LIST_PRICE -> RecordChunks.amount(p.getListPrice());
                    case CURRENCY -> RecordChunks.currency(p.getListPrice());
                    case TAX_RATE -> p.getTaxRate();
                    case ACTIVE -> p.isActive();
                    case DESCRIPTION -> p.getDescription();
                    case EXTERNAL_ID -> external.get(p.getId());
                    case RecordVersions.FIELD -> RecordVersions.exported(p);
                    default -> null;
                    }).toList()).toList();
                });
    }
}
