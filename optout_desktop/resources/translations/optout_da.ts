<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="60"/>
        <source>Confirm the opt-out import</source>
        <translation>Bekræft import af fravalg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="70"/>
        <source>Every address below will be marked “Unsubscribed from all email” for {scope}. No contacts are created, so opted-out addresses never become billable.</source>
        <translation>Alle adresser herunder markeres som »Afmeldt alle e-mails« for {scope}. Der oprettes ingen kontakter, så afmeldte adresser bliver aldrig fakturerbare.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="59"/>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="63"/>
        <source>New opt-outs:</source>
        <translation>Nye fravalg:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="65"/>
        <source>Already suppressed (no change):</source>
        <translation>Allerede spærret (ingen ændring):</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="66"/>
        <source>Existing contacts that will be unsubscribed (they stay billable):</source>
        <translation>Eksisterende kontakter, der afmeldes (de er stadig fakturerbare):</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="64"/>
        <source>Of them whole domains (@firma.dk):</source>
        <translation>Heraf hele domæner (@firma.dk):</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="67"/>
        <source>Invalid rows (left out):</source>
        <translation>Ugyldige rækker (udeladt):</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="68"/>
        <source>Blank rows (left out):</source>
        <translation>Tomme rækker (udeladt):</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="69"/>
        <source>Repeated rows (left out):</source>
        <translation>Gentagne rækker (udeladt):</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="71"/>
        <source>To confirm, type the number of addresses to opt out: &lt;b&gt;{count}&lt;/b&gt;</source>
        <translation>Skriv antallet af adresser, der skal afmeldes, for at bekræfte: &lt;b&gt;{count}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="62"/>
        <source>Number of addresses</source>
        <translation>Antal adresser</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="61"/>
        <source>Begin import</source>
        <translation>Start import</translation>
    </message>
</context>
<context>
    <name>ContactsImportDialog</name>
    <message>
        <location filename="../../ui/contacts_import_dialog.py" line="33"/>
        <location filename="../../ui/contacts_import_dialog.py" line="48"/>
        <source>Import contacts</source>
        <translation>Importér kontakter</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_import_dialog.py" line="36"/>
        <source>{name}: choose the columns. Contacts count toward the billable total.</source>
        <translation>{name}: vælg kolonnerne. Kontakter tæller med i det fakturerbare antal.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_import_dialog.py" line="45"/>
        <source>Email column:</source>
        <translation>E-mailkolonne:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_import_dialog.py" line="46"/>
        <source>First name:</source>
        <translation>Fornavn:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_import_dialog.py" line="47"/>
        <source>Last name:</source>
        <translation>Efternavn:</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_import_dialog.py" line="68"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../ui/contacts_model.py" line="52"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="29"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="30"/>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="31"/>
        <source>Last name</source>
        <translation>Efternavn</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="32"/>
        <source>Unsubscribed from all email</source>
        <translation>Afmeldt alle e-mails</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../ui/contacts_page.py" line="47"/>
        <source>Import contacts…</source>
        <translation>Importér kontakter…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="52"/>
        <source>Search by the start of the address…</source>
        <translation>Søg på starten af adressen…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="59"/>
        <source>Delete selected…</source>
        <translation>Slet valgte…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="66"/>
        <source>Delete them…</source>
        <translation>Slet dem…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="120"/>
        <source>&lt;b&gt;{n}&lt;/b&gt; contacts are unsubscribed from all email but still billable. Delete them to stop paying for them: their addresses stay suppressed.</source>
        <translation>&lt;b&gt;{n}&lt;/b&gt; kontakter er afmeldt alle e-mails, men er stadig fakturerbare. Slet dem, så du ikke længere betaler for dem: deres adresser forbliver spærret.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="166"/>
        <location filename="../../ui/contacts_page.py" line="172"/>
        <location filename="../../ui/contacts_page.py" line="194"/>
        <source>Delete contacts</source>
        <translation>Slet kontakter</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="166"/>
        <source>Select the contacts to delete.</source>
        <translation>Vælg de kontakter, der skal slettes.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="174"/>
        <source>Delete {n} contacts? They stop counting as billable. Their opt-outs stay: an opt-out belongs to the address.</source>
        <translation>Vil du slette {n} kontakter? De tæller så ikke længere som fakturerbare. Deres fravalg bevares: et fravalg hører til adressen.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="188"/>
        <source>Delete unsubscribed contacts</source>
        <translation>Slet afmeldte kontakter</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="190"/>
        <source>{n} contacts are unsubscribed from all email. Deleting them lowers the billable total; their addresses stay suppressed and are never emailed.</source>
        <translation>{n} kontakter er afmeldt alle e-mails. Hvis du sletter dem, falder det fakturerbare antal; deres adresser forbliver spærret og får aldrig e-mails.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="218"/>
        <source>Contacts imported</source>
        <translation>Kontakter importeret</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="220"/>
        <source>{created} contacts created, {updated} updated. Left out: {invalid} invalid, {blank} blank, {duplicates} repeated rows.</source>
        <translation>{created} kontakter oprettet, {updated} opdateret. Udeladt: {invalid} ugyldige, {blank} tomme og {duplicates} gentagne rækker.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="2"/>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="3"/>
        <source>When</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="4"/>
        <source>By</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="5"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="6"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="7"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="8"/>
        <source>Column</source>
        <translation>Kolonne</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="9"/>
        <source>Business unit</source>
        <translation>Forretningsenhed</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="10"/>
        <source>Rows</source>
        <translation>Rækker</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="11"/>
        <source>Valid</source>
        <translation>Gyldige</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="12"/>
        <source>Invalid</source>
        <translation>Ugyldige</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="13"/>
        <source>Blank</source>
        <translation>Tomme</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="14"/>
        <source>Repeated</source>
        <translation>Gentagne</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="15"/>
        <source>New opt-outs</source>
        <translation>Nye fravalg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="16"/>
        <source>Already suppressed</source>
        <translation>Allerede spærret</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="17"/>
        <source>Contacts unsubscribed</source>
        <translation>Afmeldte kontakter</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="18"/>
        <source>Whole domains</source>
        <translation>Hele domæner</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="19"/>
        <source>Undone by</source>
        <translation>Fortrudt af</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="20"/>
        <source>Undone at</source>
        <translation>Fortrudt den</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="21"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="22"/>
        <source>Opt-outs</source>
        <translation>Fravalg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="23"/>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="24"/>
        <source>Running</source>
        <translation>I gang</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="25"/>
        <source>Completed</source>
        <translation>Gennemført</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="26"/>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="27"/>
        <source>Failed</source>
        <translation>Mislykkedes</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="28"/>
        <source>Undone</source>
        <translation>Fortrudt</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../ui/history_page.py" line="44"/>
        <source>Save errors file…</source>
        <translation>Gem fejlfil…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="47"/>
        <source>Undo…</source>
        <translation>Fortryd…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="50"/>
        <source>Lift exactly the opt-outs the selected import added, and nothing else</source>
        <translation>Ophæv præcis de fravalg, som den valgte import tilføjede, og intet andet</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="97"/>
        <source>Save the errors file</source>
        <translation>Gem fejlfilen</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="99"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="123"/>
        <source>Please wait</source>
        <translation>Vent venligst</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="124"/>
        <source>Wait for the running job to finish, then undo the import.</source>
        <translation>Vent, til den igangværende opgave er færdig, og fortryd derefter importen.</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="132"/>
        <source>Counting what the undo lifts…</source>
        <translation>Tæller, hvad fortrydelsen ophæver…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="138"/>
        <source>Already undone</source>
        <translation>Allerede fortrudt</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="140"/>
        <source>Import #{id} was already undone by {who} at {when}; nothing changed.</source>
        <translation>Import nr. {id} blev allerede fortrudt af {who} den {when}; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="163"/>
        <source>Undoing import #{id}…</source>
        <translation>Fortryder import nr. {id}…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="168"/>
        <source>Import #{id} was already undone; nothing changed.</source>
        <translation>Import nr. {id} var allerede fortrudt; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="173"/>
        <source>Import #{id} was undone: {lift} opt-outs were lifted; {keep} stay suppressed, as later imports list them too.</source>
        <translation>Import nr. {id} er fortrudt: {lift} fravalg blev ophævet; {keep} forbliver spærret, fordi senere importer også indeholder dem.</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="177"/>
        <source>Import #{id} was undone: {lift} opt-outs were lifted.</source>
        <translation>Import nr. {id} er fortrudt: {lift} fravalg blev ophævet.</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="180"/>
        <source>Import undone</source>
        <translation>Import fortrudt</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="196"/>
        <source>Undo cancelled</source>
        <translation>Fortrydelse annulleret</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="197"/>
        <source>The undo was cancelled; nothing was changed.</source>
        <translation>Fortrydelsen blev annulleret; intet blev ændret.</translation>
    </message>
</context>
<context>
    <name>LookupBox</name>
    <message>
        <location filename="../../ui/lookup_box.py" line="31"/>
        <source>Look up an address…</source>
        <translation>Slå en adresse op…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="68"/>
        <source>Look up an address</source>
        <translation>Slå en adresse op</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="98"/>
        <source>Opt out a whole domain</source>
        <translation>Afmeld et helt domæne</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="100"/>
        <source>Suppress every address at {domain} for {scope}? Contacts there stay contacts (and billable) but are unsubscribed from all email.</source>
        <translation>Spær alle adresser på {domain} for {scope}? Kontakter der forbliver kontakter (og fakturerbare), men afmeldes alle e-mails.</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="118"/>
        <source>One-to-one email recorded</source>
        <translation>En-til-en-e-mail registreret</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="119"/>
        <source>Recorded: {address}, legal basis “{basis}”.</source>
        <translation>Registreret: {address}, retsgrundlag »{basis}«.</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="127"/>
        <source>Whole domain opted out</source>
        <translation>Helt domæne afmeldt</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="128"/>
        <source>{domain} is suppressed ({contacts} contacts there).</source>
        <translation>{domain} er spærret ({contacts} kontakter der).</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="132"/>
        <source>{domain} was already suppressed.</source>
        <translation>{domain} var allerede spærret.</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="139"/>
        <source>Opt-out added</source>
        <translation>Fravalg tilføjet</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="140"/>
        <source>{address} is suppressed ({reason}).</source>
        <translation>{address} er spærret ({reason}).</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="51"/>
        <source>Legitimate interest – prospect/lead</source>
        <translation>Legitim interesse – potentiel kunde/lead</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="52"/>
        <source>Legitimate interest – existing customer</source>
        <translation>Legitim interesse – eksisterende kunde</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="53"/>
        <source>Legitimate interest – other</source>
        <translation>Legitim interesse – andet</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="54"/>
        <source>Performance of a contract</source>
        <translation>Opfyldelse af en kontrakt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="55"/>
        <source>Freely given consent from contact</source>
        <translation>Frivilligt givet samtykke fra kontakten</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="56"/>
        <source>Not applicable</source>
        <translation>Ikke relevant</translation>
    </message>
</context>
<context>
    <name>LookupDialog</name>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="29"/>
        <source>Look up: {address}</source>
        <translation>Opslag: {address}</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="33"/>
        <source>Business unit: {scope}</source>
        <translation>Forretningsenhed: {scope}</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="34"/>
        <source>Contact (billable): {answer}</source>
        <translation>Kontakt (fakturerbar): {answer}</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="35"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="35"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="38"/>
        <source>Marketing email</source>
        <translation>Marketing-e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="39"/>
        <source>Sequences</source>
        <translation>Sekvenser</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="40"/>
        <source>One-to-one email</source>
        <translation>En-til-en-e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="42"/>
        <source> — with a legal basis each time</source>
        <translation> – med et retsgrundlag hver gang</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="49"/>
        <source>Why it is suppressed:</source>
        <translation>Derfor er adressen spærret:</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="52"/>
        <source>import #{id} ({file})</source>
        <translation>import nr. {id} ({file})</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="64"/>
        <source>Record one-to-one email…</source>
        <translation>Registrér en-til-en-e-mail…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="68"/>
        <source>Suppress this address</source>
        <translation>Spær denne adresse</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="72"/>
        <source>The person unsubscribed</source>
        <translation>Personen har afmeldt sig</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="75"/>
        <source>Record that the person asked to unsubscribe: this can never be lifted.</source>
        <translation>Registrér, at personen har bedt om at blive afmeldt: det kan aldrig ophæves.</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="90"/>
        <source>allowed</source>
        <translation>tilladt</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="90"/>
        <source>not allowed</source>
        <translation>ikke tilladt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>OptOut Desktop</source>
        <translation>OptOut Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>Import opt-outs</source>
        <translation>Importér fravalg</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Open file…</source>
        <translation>Åbn fil…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>{name} is used from the next start of OptOut Desktop.</source>
        <translation>{name} bruges fra næste gang, OptOut Desktop startes.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>Business unit:</source>
        <translation>Forretningsenhed:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153"/>
        <source>Export suppressions…</source>
        <translation>Eksportér spærreliste…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>Manage…</source>
        <translation>Administrér…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>Recent</source>
        <translation>Seneste</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>Open a CSV or Excel file of opted-out addresses, or drop it on this window.</source>
        <translation>Åbn en CSV- eller Excel-fil med afmeldte adresser, eller træk den over i dette vindue.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>Email column:</source>
        <translation>E-mailkolonne:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>Save errors file…</source>
        <translation>Gem fejlfil…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>Import…</source>
        <translation>Importér…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>Billable contacts: &lt;b&gt;{n}&lt;/b&gt;</source>
        <translation>Fakturerbare kontakter: &lt;b&gt;{n}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>Suppressed addresses: &lt;b&gt;{n}&lt;/b&gt;</source>
        <translation>Spærrede adresser: &lt;b&gt;{n}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Suppressed addresses: ?</source>
        <translation>Spærrede adresser: ?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>Whole account</source>
        <translation>Hele kontoen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331"/>
        <source>Import running</source>
        <translation>Import i gang</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331"/>
        <source>Wait for the import to finish.</source>
        <translation>Vent, til importen er færdig.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>Reading {name}…</source>
        <translation>Læser {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375"/>
        <source>No column looks like email addresses: choose the email column.</source>
        <translation>Ingen kolonne ligner e-mailadresser: vælg e-mailkolonnen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="384"/>
        <source>comma</source>
        <translation>komma</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="385"/>
        <source>semicolon</source>
        <translation>semikolon</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386"/>
        <source>tab</source>
        <translation>tabulator</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387"/>
        <source>vertical bar</source>
        <translation>lodret streg</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="396"/>
        <source>sheet “{sheet}”</source>
        <translation>arket »{sheet}«</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="398"/>
        <source>first row is the header</source>
        <translation>første række er overskrifter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="398"/>
        <source>no header row</source>
        <translation>ingen overskriftsrække</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; — read as {how}, {header}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; – læst som {how}, {header}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="465"/>
        <source>&lt;b&gt;{valid}&lt;/b&gt; addresses to opt out: {new} new, {already} already suppressed, {contacts} existing contact(s) will be unsubscribed (and stay billable). Left out: {invalid} invalid, {blank} blank, {duplicates} repeated. {rows} rows read{domains}.</source>
        <translation>&lt;b&gt;{valid}&lt;/b&gt; adresser skal afmeldes: {new} nye, {already} allerede spærret, {contacts} eksisterende kontakt(er) afmeldes (og er stadig fakturerbare). Udeladt: {invalid} ugyldige, {blank} tomme, {duplicates} gentagne. {rows} rækker læst{domains}.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="478"/>
        <source>; {n} of the entries are whole domains</source>
        <translation>; {n} af dem er hele domæner</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="433"/>
        <source>e.g. {samples}</source>
        <translation>f.eks. {samples}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="451"/>
        <source>Counting the addresses…</source>
        <translation>Tæller adresserne…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="494"/>
        <source>the business unit “{name}”</source>
        <translation>forretningsenheden »{name}«</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="496"/>
        <source>the whole account</source>
        <translation>hele kontoen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="523"/>
        <source>Import #{id} completed: {new} addresses are now unsubscribed from all email ({already} were already suppressed, {contacts} existing contacts unsubscribed). {refused} rows were left out.</source>
        <translation>Import nr. {id} er gennemført: {new} adresser er nu afmeldt alle e-mails ({already} var allerede spærret, {contacts} eksisterende kontakter blev afmeldt). {refused} rækker blev udeladt.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="535"/>
        <source>Imported. Open another file, or choose another column to import again.</source>
        <translation>Importeret. Åbn en anden fil, eller vælg en anden kolonne for at importere igen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="552"/>
        <source>Export the suppression list</source>
        <translation>Eksportér spærrelisten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="554"/>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel-projektmappe (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="583"/>
        <source>Reading the file…</source>
        <translation>Læser filen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="584"/>
        <source>Counting…</source>
        <translation>Tæller…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="585"/>
        <source>Importing…</source>
        <translation>Importerer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="586"/>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="587"/>
        <source>Saving the errors file…</source>
        <translation>Gemmer fejlfilen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="603"/>
        <source>{phase}: {done} of {total} rows</source>
        <translation>{phase}: {done} af {total} rækker</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="621"/>
        <source>Export finished</source>
        <translation>Eksport fuldført</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="622"/>
        <source>{count} suppressed addresses were exported to {path}.</source>
        <translation>{count} spærrede adresser blev eksporteret til {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="630"/>
        <source>Errors file saved</source>
        <translation>Fejlfil gemt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="631"/>
        <source>{count} refused rows were written to {path}.</source>
        <translation>{count} afviste rækker blev gemt i {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="643"/>
        <source>The file could not be used.</source>
        <translation>Filen kunne ikke bruges.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="644"/>
        <source>This file cannot be imported</source>
        <translation>Filen kan ikke importeres</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="646"/>
        <source>Something went wrong</source>
        <translation>Noget gik galt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="656"/>
        <source>The import was cancelled; nothing was written.</source>
        <translation>Importen blev annulleret; intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="660"/>
        <source>Counting was cancelled.</source>
        <translation>Optællingen blev annulleret.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="674"/>
        <source>Cancelling…</source>
        <translation>Annullerer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="694"/>
        <source>No recent files</source>
        <translation>Ingen seneste filer</translation>
    </message>
</context>
<context>
    <name>OneToOneDialog</name>
    <message>
        <location filename="../../ui/one_to_one_dialog.py" line="26"/>
        <source>Record a one-to-one email</source>
        <translation>Registrér en-til-en-e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/one_to_one_dialog.py" line="29"/>
        <source>{address} is unsubscribed. A one-to-one email is allowed only with a legal basis for this send; it is kept in the log with your name and the time.</source>
        <translation>{address} er afmeldt. En en-til-en-e-mail er kun tilladt med et retsgrundlag for netop denne afsendelse; den gemmes i loggen med dit navn og tidspunktet.</translation>
    </message>
    <message>
        <location filename="../../ui/one_to_one_dialog.py" line="36"/>
        <source>Choose the legal basis…</source>
        <translation>Vælg retsgrundlag…</translation>
    </message>
    <message>
        <location filename="../../ui/one_to_one_dialog.py" line="41"/>
        <source>Why (optional)</source>
        <translation>Begrundelse (valgfrit)</translation>
    </message>
    <message>
        <location filename="../../ui/one_to_one_dialog.py" line="44"/>
        <source>Legal basis:</source>
        <translation>Retsgrundlag:</translation>
    </message>
    <message>
        <location filename="../../ui/one_to_one_dialog.py" line="45"/>
        <source>Explanation:</source>
        <translation>Forklaring:</translation>
    </message>
    <message>
        <location filename="../../ui/one_to_one_dialog.py" line="46"/>
        <source>Record</source>
        <translation>Registrér</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="45"/>
        <source>Legitimate interest – prospect/lead</source>
        <translation>Legitim interesse – potentiel kunde/lead</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="46"/>
        <source>Legitimate interest – existing customer</source>
        <translation>Legitim interesse – eksisterende kunde</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="47"/>
        <source>Legitimate interest – other</source>
        <translation>Legitim interesse – andet</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="48"/>
        <source>Performance of a contract</source>
        <translation>Opfyldelse af en kontrakt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="49"/>
        <source>Freely given consent from contact</source>
        <translation>Frivilligt givet samtykke fra kontakten</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="50"/>
        <source>Not applicable</source>
        <translation>Ikke relevant</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="57"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation>Tabeller (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods);;Alle filer (*)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="58"/>
        <source>Choose the file of opted-out addresses</source>
        <translation>Vælg filen med afmeldte adresser</translation>
    </message>
</context>
<context>
    <name>ReadOptions</name>
    <message>
        <location filename="../../ui/read_options.py" line="43"/>
        <source>First row holds the column names</source>
        <translation>Første række indeholder kolonnenavnene</translation>
    </message>
    <message>
        <location filename="../../ui/read_options.py" line="48"/>
        <source>Characters:</source>
        <translation>Tegnsæt:</translation>
    </message>
    <message>
        <location filename="../../ui/read_options.py" line="49"/>
        <source>Separator:</source>
        <translation>Skilletegn:</translation>
    </message>
    <message>
        <location filename="../../ui/read_options.py" line="50"/>
        <source>Sheet:</source>
        <translation>Ark:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="33"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="34"/>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 med BOM</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="35"/>
        <source>Windows-1252 (Danish Excel)</source>
        <translation>Windows-1252 (dansk Excel)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="36"/>
        <source>ISO-8859-15</source>
        <translation>ISO-8859-15</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="37"/>
        <source>ISO-8859-1</source>
        <translation>ISO-8859-1</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="38"/>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="39"/>
        <source>DOS (CP850)</source>
        <translation>DOS (CP850)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="40"/>
        <source>Mac Roman</source>
        <translation>Mac Roman</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="41"/>
        <source>Comma ,</source>
        <translation>Komma ,</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="42"/>
        <source>Semicolon ;</source>
        <translation>Semikolon ;</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="43"/>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="44"/>
        <source>Vertical bar |</source>
        <translation>Lodret streg |</translation>
    </message>
</context>
<context>
    <name>TypedCountDialog</name>
    <message>
        <location filename="../../ui/typed_count_dialog.py" line="41"/>
        <source>To confirm, type the number: &lt;b&gt;{n}&lt;/b&gt;</source>
        <translation>Skriv tallet for at bekræfte: &lt;b&gt;{n}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>UndoDialog</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="72"/>
        <source>Undo the opt-out import</source>
        <translation>Fortryd importen af fravalg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="73"/>
        <source>Undo import</source>
        <translation>Fortryd import</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="74"/>
        <source>Number of opt-outs</source>
        <translation>Antal fravalg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="75"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="76"/>
        <source>Imported</source>
        <translation>Importeret</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="77"/>
        <source>Business unit</source>
        <translation>Forretningsenhed</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="78"/>
        <source>Opt-outs lifted</source>
        <translation>Fravalg, der ophæves</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="79"/>
        <source>Of them whole domains</source>
        <translation>Heraf hele domæner</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="80"/>
        <source>Kept, as later imports list them too</source>
        <translation>Bevares, fordi senere importer også indeholder dem</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="81"/>
        <source>Undoing import #{id} lifts the opt-outs this import added, and nothing else: addresses suppressed before it, or also by another import, by hand or by the person, stay suppressed.</source>
        <translation>Når du fortryder import nr. {id}, ophæves de fravalg, som denne import tilføjede, og intet andet: adresser, der var spærret før, eller som også er spærret af en anden import, manuelt eller af personen selv, forbliver spærret.</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location filename="../../ui/units_dialog.py" line="32"/>
        <location filename="../../ui/units_dialog.py" line="78"/>
        <source>Business units</source>
        <translation>Forretningsenheder</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="35"/>
        <source>An opt-out for the whole account applies to every business unit; an opt-out for one unit applies to that unit only.</source>
        <translation>Et fravalg for hele kontoen gælder for alle forretningsenheder; et fravalg for én enhed gælder kun for den enhed.</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="42"/>
        <source>Add…</source>
        <translation>Tilføj…</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="45"/>
        <source>Rename…</source>
        <translation>Omdøb…</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="48"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="84"/>
        <source>Add a business unit</source>
        <translation>Tilføj en forretningsenhed</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="84"/>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="94"/>
        <source>Rename the business unit</source>
        <translation>Omdøb forretningsenheden</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="94"/>
        <source>New name:</source>
        <translation>Nyt navn:</translation>
    </message>
</context>
</TS>
