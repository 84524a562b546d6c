<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>App</name>
    <message>
        <location filename="../../app.py" line="186"/>
        <source>Password for {name}:</source>
        <translation>Adgangskode til {name}:</translation>
    </message>
</context>
<context>
    <name>BlockDomainDialog</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="94"/>
        <source>Opt out a whole domain</source>
        <translation>Afmeld et helt domæne</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="95"/>
        <source>Opt out the domain</source>
        <translation>Afmeld domænet</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="96"/>
        <source>Number of contacts</source>
        <translation>Antal kontakter</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="97"/>
        <source>Domain:</source>
        <translation>Domæne:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="98"/>
        <source>Contacts at the domain:</source>
        <translation>Kontakter på domænet:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="99"/>
        <source>Of them unsubscribed by this (they stay contacts, and billable):</source>
        <translation>Heraf afmeldes nu (de forbliver kontakter og fakturerbare):</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="100"/>
        <source>Addresses there that are suppressed already:</source>
        <translation>Adresser dér, som allerede er spærret:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="101"/>
        <source>Opting out {domain} suppresses {what} {scope}, also addresses that are not on the list yet: no marketing email, no sequences. It is kept in the history, and can be lifted later only with a legal basis.</source>
        <translation>Afmelding af {domain} spærrer {what} {scope}, også adresser, der endnu ikke står på listen: ingen marketing-e-mails og ingen sekvenser. Det gemmes i historikken og kan senere kun ophæves med et retsgrundlag.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="102"/>
        <source>To confirm, type the number of contacts this unsubscribes: &lt;b&gt;%Ln&lt;/b&gt;</source>
        <translation>
            <numerusform>Skriv antallet af kontakter, der afmeldes, for at bekræfte: &lt;b&gt;%Ln&lt;/b&gt;</numerusform>
            <numerusform>Skriv antallet af kontakter, der afmeldes, for at bekræfte: &lt;b&gt;%Ln&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="103"/>
        <source>every address at {domain} and at its subdomains</source>
        <translation>alle adresser på {domain} og dets underdomæner</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="104"/>
        <source>every address at {domain}</source>
        <translation>alle adresser på {domain}</translation>
    </message>
</context>
<context>
    <name>ByHandDialog</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="105"/>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="106"/>
        <source>yes: it stays a contact, and billable</source>
        <translation>ja: den forbliver en kontakt og er fakturerbar</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="107"/>
        <source>no: no contact is created</source>
        <translation>nej: der oprettes ingen kontakt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="108"/>
        <source>A contact:</source>
        <translation>Kontakt:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="109"/>
        <source>Added by hand: it can be lifted later, with a legal basis</source>
        <translation>Tilføjet manuelt: kan ophæves senere med et retsgrundlag</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="110"/>
        <source>The person asked to unsubscribe: it can never be lifted</source>
        <translation>Personen har selv bedt om at blive afmeldt: kan aldrig ophæves</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="111"/>
        <source>Why:</source>
        <translation>Hvorfor:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="112"/>
        <source>Add an opt-out by hand</source>
        <translation>Tilføj et fravalg manuelt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="113"/>
        <source>Opt out</source>
        <translation>Afmeld</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="114"/>
        <source>Number of addresses</source>
        <translation>Antal adresser</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="115"/>
        <source>Suppressed already by:</source>
        <translation>Allerede spærret af:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="116"/>
        <source>Its own opt-out now:</source>
        <translation>Adressens eget fravalg nu:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="117"/>
        <source>{address} will be suppressed {scope}: no marketing email, no sequences. It is kept in the history.</source>
        <translation>{address} bliver spærret {scope}: ingen marketing-e-mails og ingen sekvenser. Det gemmes i historikken.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="118"/>
        <source>To confirm, type the number of addresses to opt out: &lt;b&gt;1&lt;/b&gt;</source>
        <translation>Skriv antallet af adresser, der skal afmeldes, for at bekræfte: &lt;b&gt;1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>CleaningIntro</name>
    <message>
        <location filename="../../ui/cleaning_intro.py" line="17"/>
        <source>Clean a mailing list before it is sent</source>
        <translation>Rens en udsendelsesliste, før den sendes</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_intro.py" line="27"/>
        <source>Open the list you are about to send (CSV or Excel, as Outlook, Mailchimp or your newsletter tool exported it), or drop it here.</source>
        <translation>Åbn den liste, du skal til at sende (CSV eller Excel, som Outlook, Mailchimp eller dit nyhedsbrevsværktøj har eksporteret den), eller træk den herind.</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_intro.py" line="31"/>
        <source>Check the email column: each row then says whether it may be emailed, and if not, why.</source>
        <translation>Tjek e-mailkolonnen: hver række viser så, om den må få e-mails, og hvis ikke, hvorfor.</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_intro.py" line="35"/>
        <source>Save the cleaned file: the rows that may be emailed, in the original&apos;s format, beside it. The original is never changed.</source>
        <translation>Gem den rensede fil: de rækker, der må få e-mails, i originalens format, ved siden af den. Originalen ændres aldrig.</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_intro.py" line="44"/>
        <source>Nothing on this page changes the suppression list; each cleaned file saved is kept in the history.</source>
        <translation>Intet på denne side ændrer spærrelisten; hver renset fil, der gemmes, registreres i historikken.</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_intro.py" line="52"/>
        <source>Open mailing list…</source>
        <translation>Åbn udsendelsesliste…</translation>
    </message>
</context>
<context>
    <name>CleaningPage</name>
    <message>
        <location filename="../../ui/cleaning_page.py" line="87"/>
        <source>Open mailing list…</source>
        <translation>Åbn udsendelsesliste…</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="91"/>
        <source>Open the list you are about to send, or drop it on this page.</source>
        <translation>Åbn den liste, du skal til at sende, eller træk den ind på denne side.</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="106"/>
        <source>Email column:</source>
        <translation>E-mailkolonne:</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="128"/>
        <source>Show only the rows that will be left out</source>
        <translation>Vis kun de rækker, der udelades</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="141"/>
        <source>The mailing list&apos;s rows and what happens to each</source>
        <translation>Udsendelseslistens rækker og hvad der sker med hver af dem</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="160"/>
        <source>What was saved</source>
        <translation>Hvad der blev gemt</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="161"/>
        <source>Save left-out rows…</source>
        <translation>Gem udeladte rækker…</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="164"/>
        <source>Save the rows left out, each with its row number and why (CSV for Excel)</source>
        <translation>Gem de udeladte rækker, hver med sit rækkenummer og årsagen (CSV til Excel)</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="168"/>
        <source>Save cleaned file…</source>
        <translation>Gem renset fil…</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="171"/>
        <source>Save the rows that may be emailed to a new file, in the original&apos;s format</source>
        <translation>Gem de rækker, der må få e-mails, i en ny fil i originalens format</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="187"/>
        <source>Choose the mailing list to clean</source>
        <translation>Vælg den udsendelsesliste, der skal renses</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="205"/>
        <source>Saving</source>
        <translation>Gemmer</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="205"/>
        <source>Wait for the file being saved.</source>
        <translation>Vent, til filen er gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="211"/>
        <source>Reading {name}…</source>
        <translation>Læser {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="219"/>
        <source>Reading the mailing list…</source>
        <translation>Læser udsendelseslisten…</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="251"/>
        <source>No column looks like email addresses: choose the email column.</source>
        <translation>Ingen kolonne ligner e-mailadresser: vælg e-mailkolonnen.</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="260"/>
        <source>The file could not be used.</source>
        <translation>Filen kunne ikke bruges.</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="261"/>
        <source>This list cannot be cleaned</source>
        <translation>Listen kan ikke renses</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="321"/>
        <source>Checking the rows…</source>
        <translation>Tjekker rækkerne…</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="324"/>
        <source>Checking the mailing list…</source>
        <translation>Tjekker udsendelseslisten…</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="356"/>
        <source>The cleaning was cancelled.</source>
        <translation>Rensningen blev annulleret.</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="380"/>
        <location filename="../../ui/cleaning_page.py" line="392"/>
        <source>Finding the rows left out…</source>
        <translation>Finder de udeladte rækker…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cleaning_page.py" line="424"/>
        <source>The first {shown} of %Ln rows left out are shown; Save left-out rows… writes them all.</source>
        <translation>
            <numerusform>De første {shown} af %Ln udeladt række vises; »Gem udeladte rækker…« gemmer dem alle.</numerusform>
            <numerusform>De første {shown} af %Ln udeladte rækker vises; »Gem udeladte rækker…« gemmer dem alle.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="451"/>
        <source>Save the cleaned list</source>
        <translation>Gem den rensede liste</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="458"/>
        <source>Saving the cleaned list…</source>
        <translation>Gemmer den rensede liste…</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="471"/>
        <source>Save the rows left out</source>
        <translation>Gem de udeladte rækker</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="494"/>
        <source>Saving the rows left out…</source>
        <translation>Gemmer de udeladte rækker…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cleaning_page.py" line="519"/>
        <source>Saved “{path}”: %Ln rows that may be emailed.</source>
        <translation>
            <numerusform>Gemt »{path}«: %Ln række, der må få e-mails.</numerusform>
            <numerusform>Gemt »{path}«: %Ln rækker, der må få e-mails.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="525"/>
        <source>Not kept in the history</source>
        <translation>Ikke registreret i historikken</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="527"/>
        <source>The cleaning is kept in the history (#{id}).</source>
        <translation>Rensningen er registreret i historikken (nr. {id}).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cleaning_page.py" line="536"/>
        <source>Saved “{path}”: %Ln rows left out, each with its row number and why.</source>
        <translation>
            <numerusform>Gemt »{path}«: %Ln udeladt række med sit rækkenummer og årsagen.</numerusform>
            <numerusform>Gemt »{path}«: %Ln udeladte rækker, hver med sit rækkenummer og årsagen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="544"/>
        <source>The file was not saved</source>
        <translation>Filen blev ikke gemt</translation>
    </message>
    <message>
        <location filename="../../ui/cleaning_page.py" line="547"/>
        <source>The cleaning was cancelled; no file was saved.</source>
        <translation>Rensningen blev annulleret; ingen fil blev gemt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="119"/>
        <source>%Ln suppressed</source>
        <translation>
            <numerusform>%Ln spærret</numerusform>
            <numerusform>%Ln spærret</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="120"/>
        <source>for the whole account</source>
        <translation>for hele kontoen</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="121"/>
        <source>CSV file like the original: same characters and separator</source>
        <translation>CSV-fil som originalen: samme tegn og skilletegn</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="122"/>
        <source>%Ln opted out for the whole account</source>
        <translation>
            <numerusform>%Ln afmeldt for hele kontoen</numerusform>
            <numerusform>%Ln afmeldt for hele kontoen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="123"/>
        <source>%Ln opted out for this business unit</source>
        <translation>
            <numerusform>%Ln afmeldt for denne forretningsenhed</numerusform>
            <numerusform>%Ln afmeldt for denne forretningsenhed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="124"/>
        <source>%Ln in a whole domain that is opted out</source>
        <translation>
            <numerusform>%Ln i et afmeldt domæne</numerusform>
            <numerusform>%Ln i afmeldte domæner</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="125"/>
        <source>%Ln bounced</source>
        <translation>
            <numerusform>%Ln afvist</numerusform>
            <numerusform>%Ln afviste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="126"/>
        <source>%Ln spam reports</source>
        <translation>
            <numerusform>%Ln spamklage</numerusform>
            <numerusform>%Ln spamklager</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="127"/>
        <source>%Ln unsubscribed</source>
        <translation>
            <numerusform>%Ln har selv afmeldt sig</numerusform>
            <numerusform>%Ln har selv afmeldt sig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="128"/>
        <source>&lt;b&gt;%Ln rows may be emailed.&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln række må få e-mails.&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln rækker må få e-mails.&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="129"/>
        <source>%Ln rows read,</source>
        <translation>
            <numerusform>%Ln række læst,</numerusform>
            <numerusform>%Ln rækker læst,</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="130"/>
        <source>Excel workbook</source>
        <translation>Excel-projektmappe</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="131"/>
        <source>Text file like the original: same characters and separator</source>
        <translation>Tekstfil som originalen: samme tegn og skilletegn</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="132"/>
        <source>CSV for Excel, with each row&apos;s number and reason</source>
        <translation>CSV til Excel, med hver rækkes nummer og årsag</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="133"/>
        <source>for the business unit “{name}”</source>
        <translation>for forretningsenheden »{name}«</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="134"/>
        <source>{name}-cleaned</source>
        <translation>{name}-renset</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="135"/>
        <source>{name}-left-out</source>
        <translation>{name}-udeladt</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="137"/>
        <source>Confirm the opt-out import</source>
        <translation>Bekræft import af fravalg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="136"/>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="140"/>
        <source>New opt-outs:</source>
        <translation>Nye fravalg:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="142"/>
        <source>Already suppressed (no change):</source>
        <translation>Allerede spærret (ingen ændring):</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="141"/>
        <source>Of them whole domains (@firma.dk):</source>
        <translation>Heraf hele domæner (@firma.dk):</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="143"/>
        <source>Existing contacts that will be unsubscribed:</source>
        <translation>Eksisterende kontakter, der afmeldes:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="144"/>
        <source>Invalid rows (left out):</source>
        <translation>Ugyldige rækker (udeladt):</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="145"/>
        <source>Blank rows (left out):</source>
        <translation>Tomme rækker (udeladt):</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="146"/>
        <source>Repeated rows (left out):</source>
        <translation>Gentagne rækker (udeladt):</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="147"/>
        <source>You typed {typed}; the file has {count} addresses to opt out.</source>
        <translation>Du skrev {typed}; filen har {count} adresser, der skal afmeldes.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="148"/>
        <source>Type every address, the new ones and those already suppressed: the import records them all, so the list keeps them even if an earlier import is undone.</source>
        <translation>Tæl alle adresser med, både de nye og dem, der allerede er spærret: importen registrerer dem alle, så listen beholder dem, også hvis en tidligere import fortrydes.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="149"/>
        <source>Every address in the file will be marked “Unsubscribed from all email” for {scope}. No contacts are created: an address that is not a contact never becomes billable. Existing contacts stay contacts, and billable, until you delete them.</source>
        <translation>Alle adresser i filen markeres som »Afmeldt alle e-mails« for {scope}. Der oprettes ingen kontakter: en adresse, der ikke er en kontakt, bliver aldrig fakturerbar. Eksisterende kontakter forbliver kontakter, og fakturerbare, indtil du sletter dem.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="150"/>
        <source>Why: {reason}</source>
        <translation>Hvorfor: {reason}</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="151"/>
        <source>To confirm, type the number of addresses to opt out: &lt;b&gt;{count}&lt;/b&gt;</source>
        <translation>Skriv antallet af adresser, der skal afmeldes, for at bekræfte: &lt;b&gt;{count}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="139"/>
        <source>Number of addresses</source>
        <translation>Antal adresser</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="138"/>
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
        <location filename="../../../build/translations/unseen_strings.py" line="61"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="62"/>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="63"/>
        <source>Last name</source>
        <translation>Efternavn</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="64"/>
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
        <source>Search contacts</source>
        <translation>Søg i kontakter</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="53"/>
        <source>Search by the start of the address…</source>
        <translation>Søg på starten af adressen…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="60"/>
        <source>Delete selected…</source>
        <translation>Slet valgte…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="67"/>
        <source>Delete them…</source>
        <translation>Slet dem…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="74"/>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts_page.py" line="124"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; contacts are unsubscribed from all email but still billable. Delete them to stop paying for them: their addresses stay suppressed.</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; kontakt er afmeldt alle e-mails, men er stadig fakturerbar. Slet den, så du ikke længere betaler for den: adressen forbliver spærret.</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; kontakter er afmeldt alle e-mails, men er stadig fakturerbare. Slet dem, så du ikke længere betaler for dem: deres adresser forbliver spærret.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="140"/>
        <source>Choose the file of contacts</source>
        <translation>Vælg filen med kontakter</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="153"/>
        <source>Reading the contacts file…</source>
        <translation>Læser kontaktfilen…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="168"/>
        <source>Importing contacts…</source>
        <translation>Importerer kontakter…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts_page.py" line="185"/>
        <source>Delete %Ln contacts? They stop counting as billable. Their opt-outs stay: an opt-out belongs to the address.</source>
        <translation>
            <numerusform>Slet %Ln kontakt? Den tæller ikke længere som fakturerbar. Dens fravalg bliver: et fravalg hører til adressen.</numerusform>
            <numerusform>Slet %Ln kontakter? De tæller ikke længere som fakturerbare. Deres fravalg bliver: et fravalg hører til adressen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts_page.py" line="203"/>
        <source>%Ln contacts are unsubscribed from all email. Deleting them lowers the billable total; their addresses stay suppressed and are never emailed.</source>
        <translation>
            <numerusform>%Ln kontakt er afmeldt alle e-mails. Hvis du sletter den, falder det fakturerbare antal; adressen forbliver spærret og får aldrig e-mails.</numerusform>
            <numerusform>%Ln kontakter er afmeldt alle e-mails. Hvis du sletter dem, falder det fakturerbare antal; deres adresser forbliver spærret og får aldrig e-mails.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="225"/>
        <source>Deleting contacts…</source>
        <translation>Sletter kontakter…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="233"/>
        <source>Contacts deleted</source>
        <translation>Kontakter slettet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts_page.py" line="235"/>
        <source>%Ln contacts were deleted; their addresses stay suppressed. The history keeps the deletion.</source>
        <translation>
            <numerusform>%Ln kontakt blev slettet; adressen forbliver spærret. Sletningen gemmes i historikken.</numerusform>
            <numerusform>%Ln kontakter blev slettet; deres adresser forbliver spærret. Sletningen gemmes i historikken.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="177"/>
        <location filename="../../ui/contacts_page.py" line="183"/>
        <location filename="../../ui/contacts_page.py" line="209"/>
        <source>Delete contacts</source>
        <translation>Slet kontakter</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="177"/>
        <source>Select the contacts to delete.</source>
        <translation>Vælg de kontakter, der skal slettes.</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="201"/>
        <source>Delete unsubscribed contacts</source>
        <translation>Slet afmeldte kontakter</translation>
    </message>
    <message>
        <location filename="../../ui/contacts_page.py" line="248"/>
        <source>Contacts imported</source>
        <translation>Kontakter importeret</translation>
    </message>
</context>
<context>
    <name>CountTexts</name>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="152"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; addresses to opt out:</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; adresse skal afmeldes:</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; adresser skal afmeldes:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="153"/>
        <source>%Ln new,</source>
        <translation>
            <numerusform>%Ln ny,</numerusform>
            <numerusform>%Ln nye,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="154"/>
        <source>%Ln already suppressed,</source>
        <translation>
            <numerusform>%Ln allerede spærret,</numerusform>
            <numerusform>%Ln allerede spærret,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="155"/>
        <source>%Ln existing contacts will be unsubscribed (and stay billable).</source>
        <translation>
            <numerusform>%Ln eksisterende kontakt afmeldes (og er stadig fakturerbar).</numerusform>
            <numerusform>%Ln eksisterende kontakter afmeldes (og er stadig fakturerbare).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="156"/>
        <source>%Ln addresses are now unsubscribed from all email</source>
        <translation>
            <numerusform>%Ln adresse er nu afmeldt alle e-mails</numerusform>
            <numerusform>%Ln adresser er nu afmeldt alle e-mails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="157"/>
        <source>(%Ln were already suppressed,</source>
        <translation>
            <numerusform>(%Ln var allerede spærret,</numerusform>
            <numerusform>(%Ln var allerede spærret,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="158"/>
        <source>%Ln existing contacts unsubscribed).</source>
        <translation>
            <numerusform>%Ln eksisterende kontakt afmeldt).</numerusform>
            <numerusform>%Ln eksisterende kontakter afmeldt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="159"/>
        <source>%Ln rows were left out.</source>
        <translation>
            <numerusform>%Ln række blev udeladt.</numerusform>
            <numerusform>%Ln rækker blev udeladt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="160"/>
        <source>%Ln invalid rows</source>
        <translation>
            <numerusform>%Ln ugyldig række</numerusform>
            <numerusform>%Ln ugyldige rækker</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="161"/>
        <source>%Ln blank rows</source>
        <translation>
            <numerusform>%Ln tom række</numerusform>
            <numerusform>%Ln tomme rækker</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="162"/>
        <source>%Ln repeated rows</source>
        <translation>
            <numerusform>%Ln gentaget række</numerusform>
            <numerusform>%Ln gentagne rækker</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="163"/>
        <source>Left out: {rows}.</source>
        <translation>Udeladt: {rows}.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="164"/>
        <source>The list changed after the counts were shown (another import or undo):</source>
        <translation>Listen ændrede sig, efter at tallene blev vist (en anden import eller fortrydelse):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="165"/>
        <source>%Ln addresses were to be new,</source>
        <translation>
            <numerusform>%Ln adresse skulle være ny,</numerusform>
            <numerusform>%Ln adresser skulle være nye,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="166"/>
        <source>%Ln were.</source>
        <translation>
            <numerusform>%Ln var.</numerusform>
            <numerusform>%Ln var.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="167"/>
        <source>%Ln contacts created,</source>
        <translation>
            <numerusform>%Ln kontakt oprettet,</numerusform>
            <numerusform>%Ln kontakter oprettet,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="168"/>
        <source>%Ln updated.</source>
        <translation>
            <numerusform>%Ln opdateret.</numerusform>
            <numerusform>%Ln opdateret.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="169"/>
        <source>%Ln rows read</source>
        <translation>
            <numerusform>%Ln række læst</numerusform>
            <numerusform>%Ln rækker læst</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="170"/>
        <source>Import #{id} completed:</source>
        <translation>Import nr. {id} fuldført:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="171"/>
        <source>; %Ln of the entries are whole domains</source>
        <translation>
            <numerusform>; %Ln af posterne er et helt domæne</numerusform>
            <numerusform>; %Ln af posterne er hele domæner</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DomainDialog</name>
    <message>
        <location filename="../../ui/domain_dialog.py" line="37"/>
        <source>Look up: {domain}</source>
        <translation>Opslag: {domain}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_dialog.py" line="42"/>
        <source>Business unit: {scope}</source>
        <translation>Forretningsenhed: {scope}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_dialog.py" line="47"/>
        <source>Opted out: no marketing email or sequences to addresses there.</source>
        <translation>Afmeldt: ingen marketing-e-mails eller sekvenser til adresser dér.</translation>
    </message>
    <message>
        <location filename="../../ui/domain_dialog.py" line="53"/>
        <source>import #{id} ({file})</source>
        <translation>import nr. {id} ({file})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_dialog.py" line="61"/>
        <source>{domain}: {reason}, {scope}, since {since}</source>
        <translation>{domain}: {reason}, {scope}, siden {since}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_dialog.py" line="72"/>
        <source>Not opted out as a whole domain for this business unit.</source>
        <translation>Ikke afmeldt som helt domæne for denne forretningsenhed.</translation>
    </message>
    <message>
        <location filename="../../ui/domain_dialog.py" line="76"/>
        <source>Also opted out for: {units} (for that business unit only).</source>
        <translation>Også afmeldt for: {units} (kun for den forretningsenhed).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/domain_dialog.py" line="82"/>
        <source>Contacts at the domain: %Ln</source>
        <translation>
            <numerusform>Kontakter på domænet: %Ln</numerusform>
            <numerusform>Kontakter på domænet: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/domain_dialog.py" line="84"/>
        <source>Addresses there that are suppressed already: %Ln</source>
        <translation>
            <numerusform>Adresser dér, som allerede er spærret: %Ln</numerusform>
            <numerusform>Adresser dér, som allerede er spærret: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/domain_dialog.py" line="92"/>
        <source>Opt out this domain…</source>
        <translation>Afmeld dette domæne…</translation>
    </message>
    <message>
        <location filename="../../ui/domain_dialog.py" line="97"/>
        <source>Lift the opt-out…</source>
        <translation>Ophæv fravalget…</translation>
    </message>
    <message>
        <location filename="../../ui/domain_dialog.py" line="101"/>
        <source>Only an opt-out added by hand can be lifted, with a legal basis.</source>
        <translation>Kun et manuelt tilføjet fravalg kan ophæves, og kun med et retsgrundlag.</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../ui/empty_state.py" line="18"/>
        <source>Import a list of people who must not get marketing email</source>
        <translation>Importér en liste over personer, der ikke må få marketing-e-mails</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="31"/>
        <source>Open the CSV or Excel file you received, or drop it here.</source>
        <translation>Åbn den CSV- eller Excel-fil, du har fået, eller træk den herind.</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="32"/>
        <source>Check the email column the app picked: its addresses are shown.</source>
        <translation>Tjek den e-mailkolonne, programmet har valgt: dens adresser bliver vist.</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="33"/>
        <source>Type the number of addresses to confirm, and import.</source>
        <translation>Skriv antallet af adresser for at bekræfte, og importér.</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="38"/>
        <source>Every address is then marked “Unsubscribed from all email” on this computer. Nothing is sent anywhere.</source>
        <translation>Alle adresserne markeres derefter som »Afmeldt alle e-mails« på denne computer. Der bliver ikke sendt noget nogen steder hen.</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="46"/>
        <source>Open file…</source>
        <translation>Åbn fil…</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="49"/>
        <source>Try the sample file</source>
        <translation>Prøv eksempelfilen</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="52"/>
        <source>A small Danish list with some faulty rows, to see how the app works.</source>
        <translation>En lille dansk liste med nogle fejlbehæftede rækker, så du kan se, hvordan programmet virker.</translation>
    </message>
</context>
<context>
    <name>FateModel</name>
    <message>
        <location filename="../../ui/fate_model.py" line="125"/>
        <source>What happens to the row</source>
        <translation>Hvad der sker med rækken</translation>
    </message>
</context>
<context>
    <name>FileKinds</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="172"/>
        <source>CSV for other programs, separated by commas, English column names</source>
        <translation>CSV til andre programmer, adskilt med komma, engelske kolonnenavne</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="173"/>
        <source>CSV for Excel and other programs, English column names</source>
        <translation>CSV til Excel og andre programmer, engelske kolonnenavne</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="174"/>
        <source>Excel workbook, for people</source>
        <translation>Excel-projektmappe, til at læse</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="175"/>
        <source>For HubSpot: import of unsubscribed contacts</source>
        <translation>Til HubSpot: import af afmeldte kontakter</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="176"/>
        <source>For Mailchimp: import as unsubscribed</source>
        <translation>Til Mailchimp: import som afmeldte</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="177"/>
        <source>For SendGrid: global unsubscribes</source>
        <translation>Til SendGrid: globale afmeldinger</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="178"/>
        <source>For Amazon SES: account suppression list</source>
        <translation>Til Amazon SES: kontoens spærreliste</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="179"/>
        <source>SHA-256 hashed list, for partners</source>
        <translation>SHA-256-hashet liste til partnere</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="180"/>
        <source>MD5 hashed list, for partners</source>
        <translation>MD5-hashet liste til partnere</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="181"/>
        <source>CSV for Excel and other programs</source>
        <translation>CSV til Excel og andre programmer</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="182"/>
        <source>CSV for Excel, separated by semicolons</source>
        <translation>CSV til Excel, adskilt med semikolon</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="183"/>
        <source>CSV for other programs, separated by commas</source>
        <translation>CSV til andre programmer, adskilt med komma</translation>
    </message>
</context>
<context>
    <name>FileList</name>
    <message>
        <location filename="../../ui/file_dialog.py" line="42"/>
        <source>{kind} file</source>
        <translation>{kind}-fil</translation>
    </message>
    <message>
        <location filename="../../ui/file_dialog.py" line="42"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
</context>
<context>
    <name>HandMade</name>
    <message>
        <location filename="../../ui/hand_made.py" line="47"/>
        <location filename="../../ui/hand_made.py" line="66"/>
        <location filename="../../ui/hand_made.py" line="73"/>
        <source>Opt out a whole domain</source>
        <translation>Afmeld et helt domæne</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="49"/>
        <source>The domain to opt out, as @firma.dk (that domain) or *.firma.dk (with its subdomains):</source>
        <translation>Domænet, der skal afmeldes, som @firma.dk (det domæne) eller *.firma.dk (med underdomæner):</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="60"/>
        <source>Counting what opting out {domain} touches…</source>
        <translation>Tæller, hvad afmelding af {domain} berører…</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="75"/>
        <source>{domain} is opted out already ({entry}, {scope}); nothing changed.</source>
        <translation>{domain} er allerede afmeldt ({entry}, {scope}); intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="93"/>
        <source>Opting out {domain}…</source>
        <translation>Afmelder {domain}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/hand_made.py" line="99"/>
        <source>{domain} is opted out {scope}, and with it %Ln contacts there (they stay contacts, and billable).</source>
        <translation>
            <numerusform>{domain} er afmeldt {scope}, og dermed %Ln kontakt dér (den forbliver kontakt og fakturerbar).</numerusform>
            <numerusform>{domain} er afmeldt {scope}, og dermed %Ln kontakter dér (de forbliver kontakter og fakturerbare).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="105"/>
        <source>{domain} was opted out already; nothing changed.</source>
        <translation>{domain} var allerede afmeldt; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="109"/>
        <source>Whole domain opted out</source>
        <translation>Helt domæne afmeldt</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="118"/>
        <location filename="../../ui/hand_made.py" line="138"/>
        <location filename="../../ui/hand_made.py" line="145"/>
        <source>Add an opt-out by hand</source>
        <translation>Tilføj et fravalg manuelt</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="119"/>
        <source>The email address to opt out:</source>
        <translation>E-mailadressen, der skal afmeldes:</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="130"/>
        <source>Looking up {address}…</source>
        <translation>Slår {address} op…</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="147"/>
        <source>{address} is opted out already {scope} ({reason}); nothing changed.</source>
        <translation>{address} er allerede afmeldt {scope} ({reason}); intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="165"/>
        <source>Adding the opt-out…</source>
        <translation>Tilføjer fravalget…</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="170"/>
        <source>{address} is opted out {scope} ({reason}).</source>
        <translation>{address} er afmeldt {scope} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="171"/>
        <source>{address} was opted out already; it is now “{reason}”.</source>
        <translation>{address} var allerede afmeldt; nu står der »{reason}«.</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="172"/>
        <source>{address} was opted out already ({reason}); nothing changed.</source>
        <translation>{address} var allerede afmeldt ({reason}); intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="178"/>
        <source>Opt-out added</source>
        <translation>Fravalg tilføjet</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="211"/>
        <source>Lifting the opt-out…</source>
        <translation>Ophæver fravalget…</translation>
    </message>
    <message>
        <location filename="../../ui/hand_made.py" line="220"/>
        <source>Opt-out lifted</source>
        <translation>Fravalg ophævet</translation>
    </message>
</context>
<context>
    <name>HistoryDetails</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="26"/>
        <source>Rows read</source>
        <translation>Rækker læst</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="27"/>
        <source>Valid</source>
        <translation>Gyldige</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="28"/>
        <source>Invalid</source>
        <translation>Ugyldige</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="29"/>
        <source>Blank</source>
        <translation>Tomme</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="30"/>
        <source>Repeated</source>
        <translation>Gentagne</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="31"/>
        <source>New opt-outs</source>
        <translation>Nye fravalg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="32"/>
        <source>Already suppressed</source>
        <translation>Allerede spærret</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="33"/>
        <source>Contacts unsubscribed</source>
        <translation>Afmeldte kontakter</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="34"/>
        <source>Contacts created</source>
        <translation>Oprettede kontakter</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="35"/>
        <source>Contacts updated</source>
        <translation>Opdaterede kontakter</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="36"/>
        <source>Whole domains</source>
        <translation>Hele domæner</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="37"/>
        <source>Rows that may be emailed</source>
        <translation>Rækker, der må få e-mails</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="38"/>
        <source>Rows left out as suppressed</source>
        <translation>Rækker udeladt som spærrede</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="39"/>
        <source>When</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="40"/>
        <source>By</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="41"/>
        <source>Business unit</source>
        <translation>Forretningsenhed</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="42"/>
        <source>Suppressed for the whole account</source>
        <translation>Spærret for hele kontoen</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="43"/>
        <source>Suppressed for the business unit</source>
        <translation>Spærret for forretningsenheden</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="44"/>
        <source>Suppressed as a whole domain</source>
        <translation>Spærret som helt domæne</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="45"/>
        <source>Suppressed as bounced</source>
        <translation>Spærret som afvist</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="46"/>
        <source>Suppressed after a spam report</source>
        <translation>Spærret efter en spamklage</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="47"/>
        <source>Suppressed as unsubscribed</source>
        <translation>Spærret, da personen afmeldte sig</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="48"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="51"/>
        <source>Undone or lifted</source>
        <translation>Fortrudt eller ophævet</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="52"/>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="54"/>
        <source>Sheet</source>
        <translation>Ark</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="55"/>
        <source>Column</source>
        <translation>Kolonne</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="53"/>
        <source>File’s SHA-256 checksum</source>
        <translation>Filens SHA-256-kontrolsum</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="49"/>
        <source>Opted out</source>
        <translation>Afmeldt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="50"/>
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="56"/>
        <source>Lifted</source>
        <translation>Ophævet</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="57"/>
        <source>Legal basis</source>
        <translation>Retsgrundlag</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="58"/>
        <source>Explanation</source>
        <translation>Forklaring</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="60"/>
        <source>by {who}, {when}</source>
        <translation>af {who}, {when}</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="59"/>
        <source>Contacts deleted</source>
        <translation>Slettede kontakter</translation>
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
        <location filename="../../../build/translations/unseen_strings.py" line="6"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="8"/>
        <source>Business unit</source>
        <translation>Forretningsenhed</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="9"/>
        <source>Rows</source>
        <translation>Rækker</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="10"/>
        <source>New opt-outs</source>
        <translation>Nye fravalg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="11"/>
        <source>Contacts unsubscribed</source>
        <translation>Afmeldte kontakter</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="5"/>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="7"/>
        <source>File or entry</source>
        <translation>Fil eller post</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="12"/>
        <source>Left out</source>
        <translation>Udeladt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="13"/>
        <source>Opt-out import</source>
        <translation>Import af fravalg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="14"/>
        <source>Contacts import</source>
        <translation>Import af kontakter</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="15"/>
        <source>Cleaned list</source>
        <translation>Renset liste</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="16"/>
        <source>Whole domain opted out</source>
        <translation>Helt domæne afmeldt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="17"/>
        <source>Opt-out by hand</source>
        <translation>Manuelt fravalg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="18"/>
        <source>Opt-out lifted</source>
        <translation>Fravalg ophævet</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="19"/>
        <source>Contacts deleted</source>
        <translation>Kontakter slettet</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="20"/>
        <source>Running</source>
        <translation>I gang</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="21"/>
        <source>Completed</source>
        <translation>Gennemført</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="22"/>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="23"/>
        <source>Failed</source>
        <translation>Mislykkedes</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="24"/>
        <source>Undone</source>
        <translation>Fortrudt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="25"/>
        <source>Lifted</source>
        <translation>Ophævet</translation>
    </message>
    <message>
        <location filename="../../ui/history_model.py" line="84"/>
        <source>The person unsubscribed</source>
        <translation>Personen har afmeldt sig</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../ui/history_page.py" line="53"/>
        <source>Imports and changes</source>
        <translation>Importer og ændringer</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="69"/>
        <source>Details of the selected entry</source>
        <translation>Detaljer om den valgte post</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="70"/>
        <source>Save errors file…</source>
        <translation>Gem fejlfil…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="73"/>
        <source>Undo…</source>
        <translation>Fortryd…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="76"/>
        <source>Lift exactly the opt-outs the selected import added, and nothing else</source>
        <translation>Ophæv præcis de fravalg, som den valgte import tilføjede, og intet andet</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="80"/>
        <source>Lift…</source>
        <translation>Ophæv…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="83"/>
        <source>Lift the opt-out the selected entry added by hand, with a legal basis</source>
        <translation>Ophæv det fravalg, den valgte post tilføjede manuelt, med et retsgrundlag</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="161"/>
        <source>import-{id}-errors</source>
        <translation>import-{id}-fejl</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="163"/>
        <source>Save the errors file</source>
        <translation>Gem fejlfilen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/history_page.py" line="180"/>
        <source>%Ln refused rows were written to {path}.</source>
        <translation>
            <numerusform>%Ln afvist række blev skrevet til {path}.</numerusform>
            <numerusform>%Ln afviste rækker blev skrevet til {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/history_page.py" line="240"/>
        <source>Import #{id} was undone: %Ln opt-outs were lifted.</source>
        <translation>
            <numerusform>Import nr. {id} er fortrudt: %Ln fravalg blev ophævet.</numerusform>
            <numerusform>Import nr. {id} er fortrudt: %Ln fravalg blev ophævet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/history_page.py" line="244"/>
        <source>%Ln stay suppressed, as later imports list them too.</source>
        <translation>
            <numerusform>%Ln forbliver spærret, da senere importer også har den med.</numerusform>
            <numerusform>%Ln forbliver spærret, da senere importer også har dem med.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="198"/>
        <source>Counting what the undo lifts…</source>
        <translation>Tæller, hvad fortrydelsen ophæver…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="205"/>
        <source>Already undone</source>
        <translation>Allerede fortrudt</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="207"/>
        <source>Import #{id} was already undone by {who} at {when}; nothing changed.</source>
        <translation>Import nr. {id} blev allerede fortrudt af {who} den {when}; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="231"/>
        <source>Undoing import #{id}…</source>
        <translation>Fortryder import nr. {id}…</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="236"/>
        <source>Import #{id} was already undone; nothing changed.</source>
        <translation>Import nr. {id} var allerede fortrudt; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="247"/>
        <source>Import undone</source>
        <translation>Import fortrudt</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="252"/>
        <source>Undo cancelled</source>
        <translation>Fortrydelse annulleret</translation>
    </message>
    <message>
        <location filename="../../ui/history_page.py" line="253"/>
        <source>The undo was cancelled; nothing was changed.</source>
        <translation>Fortrydelsen blev annulleret; intet blev ændret.</translation>
    </message>
</context>
<context>
    <name>LiftDialog</name>
    <message>
        <location filename="../../ui/lift_dialog.py" line="32"/>
        <source>Lift an opt-out</source>
        <translation>Ophæv et fravalg</translation>
    </message>
    <message>
        <location filename="../../ui/lift_dialog.py" line="36"/>
        <source>Lifting the opt-out of {entry} {scope} lets addresses at that domain get marketing email again, unless another opt-out holds them. Opt-outs that an import or the person made stay.</source>
        <translation>Når fravalget af {entry} {scope} ophæves, kan adresser på det domæne få marketing-e-mails igen, medmindre et andet fravalg holder dem. Fravalg fra en import eller fra personen selv bliver.</translation>
    </message>
    <message>
        <location filename="../../ui/lift_dialog.py" line="42"/>
        <source>Lifting the opt-out of {entry} {scope} lets the address get marketing email again, unless another opt-out holds it.</source>
        <translation>Når fravalget af {entry} {scope} ophæves, kan adressen få marketing-e-mails igen, medmindre et andet fravalg holder den.</translation>
    </message>
    <message>
        <location filename="../../ui/lift_dialog.py" line="49"/>
        <source>Choose the legal basis…</source>
        <translation>Vælg retsgrundlag…</translation>
    </message>
    <message>
        <location filename="../../ui/lift_dialog.py" line="54"/>
        <source>Why the opt-out is lifted (required)</source>
        <translation>Hvorfor fravalget ophæves (skal udfyldes)</translation>
    </message>
    <message>
        <location filename="../../ui/lift_dialog.py" line="57"/>
        <source>Legal basis:</source>
        <translation>Retsgrundlag:</translation>
    </message>
    <message>
        <location filename="../../ui/lift_dialog.py" line="58"/>
        <source>Explanation:</source>
        <translation>Forklaring:</translation>
    </message>
    <message>
        <location filename="../../ui/lift_dialog.py" line="59"/>
        <source>Lift the opt-out</source>
        <translation>Ophæv fravalget</translation>
    </message>
</context>
<context>
    <name>LookupBox</name>
    <message>
        <location filename="../../ui/lookup_box.py" line="64"/>
        <location filename="../../ui/lookup_box.py" line="118"/>
        <source>Look up an address</source>
        <translation>Slå en adresse op</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="65"/>
        <source>Look up an address or @domain…</source>
        <translation>Slå en adresse eller et @domæne op…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="133"/>
        <source>Recording the one-to-one email…</source>
        <translation>Registrerer en-til-en-e-mailen…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="140"/>
        <source>One-to-one email recorded</source>
        <translation>En-til-en-e-mail registreret</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="141"/>
        <source>Recorded: {address}, legal basis “{basis}”.</source>
        <translation>Registreret: {address}, retsgrundlag »{basis}«.</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="151"/>
        <source>Forget this person</source>
        <translation>Glem denne person</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="153"/>
        <source>Every plain trace of {address} is deleted: the contact, the opt-outs&apos; address, the one-to-one log and past errors files. A digest of the address keeps the person suppressed. This cannot be undone.

Type the address to confirm:</source>
        <translation>Alle spor af {address} i klartekst slettes: kontakten, adressen i fravalgene, loggen over en-til-en-e-mails og tidligere fejlfiler. En kontrolværdi af adressen holder personen spærret. Det kan ikke fortrydes.

Skriv adressen for at bekræfte:</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="165"/>
        <source>Forgetting the person…</source>
        <translation>Glemmer personen…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_box.py" line="171"/>
        <source>The person was forgotten</source>
        <translation>Personen er glemt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="85"/>
        <source>Legitimate interest – prospect/lead</source>
        <translation>Legitim interesse – potentiel kunde/lead</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="86"/>
        <source>Legitimate interest – existing customer</source>
        <translation>Legitim interesse – eksisterende kunde</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="87"/>
        <source>Legitimate interest – other</source>
        <translation>Legitim interesse – andet</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="88"/>
        <source>Performance of a contract</source>
        <translation>Opfyldelse af en kontrakt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="89"/>
        <source>Freely given consent from contact</source>
        <translation>Frivilligt givet samtykke fra kontakten</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="90"/>
        <source>Not applicable</source>
        <translation>Ikke relevant</translation>
    </message>
</context>
<context>
    <name>LookupDialog</name>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="46"/>
        <source>Look up: {address}</source>
        <translation>Opslag: {address}</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="51"/>
        <source>Business unit: {scope}</source>
        <translation>Forretningsenhed: {scope}</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="52"/>
        <source>Contact (billable): {answer}</source>
        <translation>Kontakt (fakturerbar): {answer}</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="53"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="53"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="56"/>
        <source>Marketing email</source>
        <translation>Marketing-e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="58"/>
        <source>Sequences (automated series of sales emails)</source>
        <translation>Sekvenser (automatiske serier af salgs-e-mails)</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="60"/>
        <source>One-to-one email</source>
        <translation>En-til-en-e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="62"/>
        <source> — with a legal basis each time</source>
        <translation> – med et retsgrundlag hver gang</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="69"/>
        <source>Why it is suppressed:</source>
        <translation>Derfor er adressen spærret:</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="71"/>
        <source>{reason}, {scope}, since {since}</source>
        <translation>{reason}, {scope}, siden {since}</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="77"/>
        <source>import #{id} ({file})</source>
        <translation>import nr. {id} ({file})</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="86"/>
        <source>Also opted out for: {units} (for that business unit only).</source>
        <translation>Også afmeldt for: {units} (kun for den forretningsenhed).</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="89"/>
        <source>Note: opted out for {units}; that business unit may not send it marketing email. Choose it above to see why.</source>
        <translation>Bemærk: afmeldt for {units}; den forretningsenhed må ikke sende marketing-e-mails til adressen. Vælg den øverst for at se hvorfor.</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="100"/>
        <source>Record one-to-one email…</source>
        <translation>Registrér en-til-en-e-mail…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="105"/>
        <source>Opt out by hand…</source>
        <translation>Afmeld manuelt…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="109"/>
        <source>The person unsubscribed…</source>
        <translation>Personen har afmeldt sig…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="112"/>
        <source>Record that the person asked to unsubscribe: this can never be lifted.</source>
        <translation>Registrér, at personen har bedt om at blive afmeldt: det kan aldrig ophæves.</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="118"/>
        <source>Lift the opt-out…</source>
        <translation>Ophæv fravalget…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="121"/>
        <source>Only an opt-out added by hand can be lifted, with a legal basis.</source>
        <translation>Kun et manuelt tilføjet fravalg kan ophæves, og kun med et retsgrundlag.</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="125"/>
        <source>Forget this person…</source>
        <translation>Glem denne person…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="129"/>
        <source>Delete the contact and every trace of the address (GDPR article 17); a digest of it keeps the person suppressed.</source>
        <translation>Slet kontakten og alle spor af adressen (GDPR artikel 17); en kontrolværdi af den holder personen spærret.</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="152"/>
        <source>allowed</source>
        <translation>tilladt</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_dialog.py" line="152"/>
        <source>not allowed</source>
        <translation>ikke tilladt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>OptOut Desktop</source>
        <translation>OptOut Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Import opt-outs</source>
        <translation>Importér fravalg</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="188"/>
        <source>Open file…</source>
        <translation>Åbn fil…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>Overview</source>
        <translation>Oversigt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>Clean a mailing list</source>
        <translation>Rens en udsendelsesliste</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>&amp;Clean a mailing list…</source>
        <translation>&amp;Rens en udsendelsesliste…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="229"/>
        <source>{name} is used from the next start of OptOut Desktop.</source>
        <translation>{name} bruges fra næste gang, OptOut Desktop startes.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>Choose database</source>
        <translation>Vælg database</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>Wait for the running job to finish, then choose the database.</source>
        <translation>Vent, til den igangværende opgave er færdig, og vælg derefter databasen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <source>The suppression list&apos;s file on this computer, or your team&apos;s PostgreSQL server as postgresql://user@host:5432/name (the password is asked for, never saved):</source>
        <translation>Spærrelistens fil på denne computer eller jeres fælles PostgreSQL-server som postgresql://bruger@vært:5432/navn (adgangskoden bliver spurgt om og gemmes aldrig):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="348"/>
        <source>Suppressed, all business units: &lt;b&gt;%Ln&lt;/b&gt; addresses</source>
        <translation>
            <numerusform>Spærret, alle forretningsenheder: &lt;b&gt;%Ln&lt;/b&gt; adresse</numerusform>
            <numerusform>Spærret, alle forretningsenheder: &lt;b&gt;%Ln&lt;/b&gt; adresser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="350"/>
        <source>, &lt;b&gt;%Ln&lt;/b&gt; whole domains</source>
        <translation>
            <numerusform>, &lt;b&gt;%Ln&lt;/b&gt; helt domæne</numerusform>
            <numerusform>, &lt;b&gt;%Ln&lt;/b&gt; hele domæner</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354"/>
        <source>Addresses opted out for the whole account or for any business unit, each counted once. A whole domain (@firma.dk) covers every address there, also those not on the list, so it is counted apart.</source>
        <translation>Adresser, der er afmeldt for hele kontoen eller for en forretningsenhed, hver talt én gang. Et helt domæne (@firma.dk) dækker alle adresser dér, også dem, der ikke står på listen, så det tælles for sig.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>Suppressed, all business units: ?</source>
        <translation>Spærret, alle forretningsenheder: ?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="404"/>
        <source>suppression-list</source>
        <translation>spærreliste</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455"/>
        <location filename="../../ui/main_window.py" line="460"/>
        <source>Exported to {path}:</source>
        <translation>Eksporteret til {path}:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="456"/>
        <source>%Ln lines.</source>
        <translation>
            <numerusform>%Ln linje.</numerusform>
            <numerusform>%Ln linjer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="461"/>
        <source>%Ln suppressed addresses</source>
        <translation>
            <numerusform>%Ln spærret adresse</numerusform>
            <numerusform>%Ln spærrede adresser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="463"/>
        <source>and %Ln whole domains</source>
        <translation>
            <numerusform>og %Ln helt domæne</numerusform>
            <numerusform>og %Ln hele domæner</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="465"/>
        <source>(the business unit’s and the whole account’s)</source>
        <translation>(forretningsenhedens og hele kontoens)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="469"/>
        <source>The file has %Ln rows: an address opted out for several business units has a row for each.</source>
        <translation>
            <numerusform>Filen har %Ln række: en adresse, der er afmeldt for flere forretningsenheder, har en række for hver.</numerusform>
            <numerusform>Filen har %Ln rækker: en adresse, der er afmeldt for flere forretningsenheder, har en række for hver.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>Business unit:</source>
        <translation>Forretningsenhed:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>Export suppressions…</source>
        <translation>Eksportér spærreliste…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>Manage…</source>
        <translation>Administrér…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="189"/>
        <source>Recent</source>
        <translation>Seneste</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="190"/>
        <source>Open a CSV or Excel file of opted-out addresses, or drop it on this window.</source>
        <translation>Åbn en CSV- eller Excel-fil med afmeldte adresser, eller træk den over i dette vindue.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="191"/>
        <source>Email column:</source>
        <translation>E-mailkolonne:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="195"/>
        <source>The file&apos;s rows</source>
        <translation>Filens rækker</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="217"/>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="196"/>
        <source>Save errors file…</source>
        <translation>Gem fejlfil…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="197"/>
        <source>Import…</source>
        <translation>Importér…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>OptOut Desktop – {server}</source>
        <translation>OptOut Desktop – {server}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>Billable contacts: &lt;b&gt;{n}&lt;/b&gt;</source>
        <translation>Fakturerbare kontakter: &lt;b&gt;{n}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="369"/>
        <source>Whole account</source>
        <translation>Hele kontoen</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="207"/>
        <source>Import running</source>
        <translation>Import i gang</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="208"/>
        <source>Wait for the import to finish.</source>
        <translation>Vent, til importen er færdig.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="214"/>
        <source>Reading {name}…</source>
        <translation>Læser {name}…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="209"/>
        <source>No column looks like email addresses: choose the email column.</source>
        <translation>Ingen kolonne ligner e-mailadresser: vælg e-mailkolonnen.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="186"/>
        <source>This is the sample file, to try the steps on: nothing from it is ever written to your suppression list. Open your own file to import it.</source>
        <translation>Dette er eksempelfilen, som du kan prøve trinene på: intet fra den skrives nogensinde til din spærreliste. Åbn din egen fil for at importere den.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="192"/>
        <source>Reason:</source>
        <translation>Årsag:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="193"/>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="194"/>
        <source>As the file says</source>
        <translation>Som filen angiver</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="224"/>
        <source>comma</source>
        <translation>komma</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="225"/>
        <source>semicolon</source>
        <translation>semikolon</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="226"/>
        <source>tab</source>
        <translation>tabulator</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="227"/>
        <source>vertical bar</source>
        <translation>lodret streg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="210"/>
        <source>Every address in the file is already suppressed; there is nothing to import.</source>
        <translation>Alle adresser i filen er allerede spærret; der er intet at importere.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="212"/>
        <source>The sample file</source>
        <translation>Eksempelfilen</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="213"/>
        <source>Opted out for {scope}.</source>
        <translation>Afmeldt for {scope}.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="229"/>
        <source>sheet “{sheet}”</source>
        <translation>arket »{sheet}«</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="220"/>
        <source>Waiting to start: {jobs}</source>
        <translation>Venter på at starte: {jobs}</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="221"/>
        <source>“{job}” was cancelled; nothing was changed.</source>
        <translation>»{job}« blev annulleret; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="222"/>
        <source>first row is the header</source>
        <translation>første række er overskrifter</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="223"/>
        <source>no header row</source>
        <translation>ingen overskriftsrække</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="228"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; — read as {how}, {header}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; – læst som {how}, {header}</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="230"/>
        <source>e.g. {samples}</source>
        <translation>f.eks. {samples}</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="201"/>
        <source>Counting the addresses…</source>
        <translation>Tæller adresserne…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="215"/>
        <source>the business unit “{name}”</source>
        <translation>forretningsenheden »{name}«</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="187"/>
        <source>the whole account</source>
        <translation>hele kontoen</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="204"/>
        <source>Imported. Open another file, or choose another column to import again.</source>
        <translation>Importeret. Åbn en anden fil, eller vælg en anden kolonne for at importere igen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403"/>
        <source>Export the suppression list</source>
        <translation>Eksportér spærrelisten</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="198"/>
        <source>Reading the file…</source>
        <translation>Læser filen…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="202"/>
        <source>Counting…</source>
        <translation>Tæller…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="203"/>
        <source>Importing…</source>
        <translation>Importerer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="427"/>
        <location filename="../../ui/main_window.py" line="447"/>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="185"/>
        <source>Saving the errors file…</source>
        <translation>Gemmer fejlfilen…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="219"/>
        <source>{phase}: {done} of {total} rows</source>
        <translation>{phase}: {done} af {total} rækker</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="457"/>
        <location filename="../../ui/main_window.py" line="474"/>
        <source>Export finished</source>
        <translation>Eksport fuldført</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="184"/>
        <source>Errors file saved</source>
        <translation>Fejlfil gemt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="199"/>
        <source>The file could not be used.</source>
        <translation>Filen kunne ikke bruges.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="200"/>
        <source>This file cannot be imported</source>
        <translation>Filen kan ikke importeres</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="497"/>
        <location filename="../../../build/translations/unseen_strings.py" line="205"/>
        <source>Something went wrong</source>
        <translation>Noget gik galt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="206"/>
        <source>The import was cancelled; nothing was written.</source>
        <translation>Importen blev annulleret; intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="211"/>
        <source>Counting was cancelled.</source>
        <translation>Optællingen blev annulleret.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="477"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>Eksporten blev annulleret; der blev ikke skrevet nogen fil.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="218"/>
        <source>Cancelling…</source>
        <translation>Annullerer…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="216"/>
        <source>No recent files</source>
        <translation>Ingen seneste filer</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="231"/>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="232"/>
        <source>&amp;Open file…</source>
        <translation>&amp;Åbn fil…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="233"/>
        <source>Try the &amp;sample file</source>
        <translation>&amp;Prøv eksempelfilen</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="234"/>
        <source>&amp;Export suppressions…</source>
        <translation>&amp;Eksportér spærreliste…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="235"/>
        <source>&amp;Look up an address</source>
        <translation>&amp;Slå en adresse op</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="236"/>
        <source>Opt out a whole do&amp;main…</source>
        <translation>Afmeld et helt do&amp;mæne…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="237"/>
        <source>Add an opt-out by &amp;hand…</source>
        <translation>Tilføj et fravalg &amp;manuelt…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="238"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Opdater</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="239"/>
        <source>Choose &amp;database…</source>
        <translation>Vælg &amp;database…</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="240"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="241"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="242"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="243"/>
        <source>Open &amp;log folder</source>
        <translation>Åbn &amp;logmappen</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="244"/>
        <source>&amp;About OptOut Desktop</source>
        <translation>&amp;Om OptOut Desktop</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="245"/>
        <source>About OptOut Desktop</source>
        <translation>Om OptOut Desktop</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="246"/>
        <source>Keeps your list of people who must never get marketing email, on this computer.</source>
        <translation>Holder styr på din liste over personer, der aldrig må få marketing-e-mails – her på computeren.</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="247"/>
        <source>Database: {database}&lt;br&gt;Log files: {logs}</source>
        <translation>Database: {database}&lt;br&gt;Logfiler: {logs}</translation>
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
        <location filename="../../../build/translations/unseen_strings.py" line="79"/>
        <source>Legitimate interest – prospect/lead</source>
        <translation>Legitim interesse – potentiel kunde/lead</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="80"/>
        <source>Legitimate interest – existing customer</source>
        <translation>Legitim interesse – eksisterende kunde</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="81"/>
        <source>Legitimate interest – other</source>
        <translation>Legitim interesse – andet</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="82"/>
        <source>Performance of a contract</source>
        <translation>Opfyldelse af en kontrakt</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="83"/>
        <source>Freely given consent from contact</source>
        <translation>Frivilligt givet samtykke fra kontakten</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="84"/>
        <source>Not applicable</source>
        <translation>Ikke relevant</translation>
    </message>
</context>
<context>
    <name>OverviewWidget</name>
    <message>
        <location filename="../../ui/overview_widget.py" line="43"/>
        <source>Opt-out overview</source>
        <translation>Overblik over fravalg</translation>
    </message>
    <message>
        <location filename="../../ui/overview_widget.py" line="62"/>
        <source>Imported</source>
        <translation>Importeret</translation>
    </message>
    <message>
        <location filename="../../ui/overview_widget.py" line="63"/>
        <source>Added by hand</source>
        <translation>Tilføjet manuelt</translation>
    </message>
    <message>
        <location filename="../../ui/overview_widget.py" line="64"/>
        <source>Unsubscribed</source>
        <translation>Afmeldt</translation>
    </message>
    <message>
        <location filename="../../ui/overview_widget.py" line="65"/>
        <source>Bounced</source>
        <translation>Afvist</translation>
    </message>
    <message>
        <location filename="../../ui/overview_widget.py" line="66"/>
        <source>Spam reports</source>
        <translation>Spamklager</translation>
    </message>
    <message>
        <location filename="../../ui/overview_widget.py" line="67"/>
        <source>Whole domains</source>
        <translation>Hele domæner</translation>
    </message>
    <message>
        <location filename="../../ui/overview_widget.py" line="82"/>
        <location filename="../../ui/overview_widget.py" line="152"/>
        <source>No opt-outs yet</source>
        <translation>Ingen fravalg endnu</translation>
    </message>
    <message>
        <location filename="../../ui/overview_widget.py" line="89"/>
        <source>Opt-outs by reason: {reasons}. New opt-outs by month: {months}.</source>
        <translation>Fravalg efter årsag: {reasons}. Nye fravalg pr. måned: {months}.</translation>
    </message>
    <message>
        <location filename="../../ui/overview_widget.py" line="94"/>
        <source>{name}: {count}</source>
        <translation>{name}: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/overview_widget.py" line="186"/>
        <source>Opt-outs by reason</source>
        <translation>Fravalg efter årsag</translation>
    </message>
    <message>
        <location filename="../../ui/overview_widget.py" line="216"/>
        <source>New opt-outs by month</source>
        <translation>Nye fravalg pr. måned</translation>
    </message>
    <message>
        <location filename="../../ui/overview_widget.py" line="261"/>
        <source>No new opt-outs in these months</source>
        <translation>Ingen nye fravalg i disse måneder</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/file_dialog.py" line="23"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Søg i:</translation>
    </message>
    <message>
        <location filename="../../ui/file_dialog.py" line="24"/>
        <source>Files of &amp;type:</source>
        <translation>Fil&amp;type:</translation>
    </message>
    <message>
        <location filename="../../ui/file_dialog.py" line="25"/>
        <source>Confirm Delete</source>
        <translation>Bekræft sletning</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="91"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation>Tabeller (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods);;Alle filer (*)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="92"/>
        <source>Choose the file of opted-out addresses</source>
        <translation>Vælg filen med afmeldte adresser</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="93"/>
        <source>Log folder</source>
        <translation>Logmappe</translation>
    </message>
</context>
<context>
    <name>ReadOptions</name>
    <message>
        <location filename="../../ui/read_options.py" line="70"/>
        <source>First row holds the column names</source>
        <translation>Første række indeholder kolonnenavnene</translation>
    </message>
    <message>
        <location filename="../../ui/read_options.py" line="75"/>
        <source>Characters:</source>
        <translation>Tegnsæt:</translation>
    </message>
    <message>
        <location filename="../../ui/read_options.py" line="76"/>
        <source>Separator:</source>
        <translation>Skilletegn:</translation>
    </message>
    <message>
        <location filename="../../ui/read_options.py" line="77"/>
        <source>Sheet:</source>
        <translation>Ark:</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="65"/>
        <source>Unicode (UTF-8)</source>
        <translation>Unicode (UTF-8)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="66"/>
        <source>Unicode (UTF-8, as Excel saves it)</source>
        <translation>Unicode (UTF-8, som Excel gemmer det)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="67"/>
        <source>Western European (Windows-1252, Danish Excel)</source>
        <translation>Vesteuropæisk (Windows-1252, dansk Excel)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="68"/>
        <source>Western European (ISO-8859-15)</source>
        <translation>Vesteuropæisk (ISO-8859-15)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="69"/>
        <source>Western European (ISO-8859-1)</source>
        <translation>Vesteuropæisk (ISO-8859-1)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="70"/>
        <source>Unicode (UTF-16)</source>
        <translation>Unicode (UTF-16)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="71"/>
        <source>Old DOS (CP850)</source>
        <translation>Gammel DOS (CP850)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="72"/>
        <source>Old Mac (Mac Roman)</source>
        <translation>Gammel Mac (Mac Roman)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="73"/>
        <source>Unicode (UTF-16, big-endian)</source>
        <translation>Unicode (UTF-16, big-endian)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="74"/>
        <source>Unicode (UTF-32)</source>
        <translation>Unicode (UTF-32)</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="75"/>
        <source>Comma ,</source>
        <translation>Komma ,</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="76"/>
        <source>Semicolon ;</source>
        <translation>Semikolon ;</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="77"/>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="78"/>
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
    <message>
        <location filename="../../ui/typed_count_dialog.py" line="86"/>
        <source>You typed {typed}; the number to type is {expected}.</source>
        <translation>Du skrev {typed}; tallet, der skal skrives, er {expected}.</translation>
    </message>
</context>
<context>
    <name>UndoDialog</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="248"/>
        <source>Undo the opt-out import</source>
        <translation>Fortryd importen af fravalg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="249"/>
        <source>Undo import</source>
        <translation>Fortryd import</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="250"/>
        <source>Number of opt-outs</source>
        <translation>Antal fravalg</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="251"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="252"/>
        <source>Imported</source>
        <translation>Importeret</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="253"/>
        <source>Business unit</source>
        <translation>Forretningsenhed</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="254"/>
        <source>Opt-outs lifted</source>
        <translation>Fravalg, der ophæves</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="255"/>
        <source>Of them whole domains</source>
        <translation>Heraf hele domæner</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="256"/>
        <source>Kept, as later imports list them too</source>
        <translation>Bevares, fordi senere importer også indeholder dem</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="257"/>
        <source>Undoing import #{id} lifts the opt-outs this import added, and nothing else: addresses suppressed before it, or also by another import, by hand or by the person, stay suppressed.</source>
        <translation>Når du fortryder import nr. {id}, ophæves de fravalg, som denne import tilføjede, og intet andet: adresser, der var spærret før, eller som også er spærret af en anden import, manuelt eller af personen selv, forbliver spærret.</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location filename="../../ui/units_dialog.py" line="35"/>
        <location filename="../../ui/units_dialog.py" line="81"/>
        <source>Business units</source>
        <translation>Forretningsenheder</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="38"/>
        <source>An opt-out for the whole account applies to every business unit; an opt-out for one unit applies to that unit only.</source>
        <translation>Et fravalg for hele kontoen gælder for alle forretningsenheder; et fravalg for én enhed gælder kun for den enhed.</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="45"/>
        <source>Add…</source>
        <translation>Tilføj…</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="48"/>
        <source>Rename…</source>
        <translation>Omdøb…</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="51"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="87"/>
        <source>Add a business unit</source>
        <translation>Tilføj en forretningsenhed</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="87"/>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="97"/>
        <source>Rename the business unit</source>
        <translation>Omdøb forretningsenheden</translation>
    </message>
    <message>
        <location filename="../../ui/units_dialog.py" line="97"/>
        <source>New name:</source>
        <translation>Nyt navn:</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="258"/>
        <source>Whole account</source>
        <translation>Hele kontoen</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="259"/>
        <source>for the whole account</source>
        <translation>for hele kontoen</translation>
    </message>
    <message>
        <location filename="../../../build/translations/unseen_strings.py" line="260"/>
        <source>for the business unit “{name}”</source>
        <translation>for forretningsenheden »{name}«</translation>
    </message>
</context>
<context>
    <name>_Worker</name>
    <message>
        <location filename="../../ui/jobs.py" line="73"/>
        <source>Something went wrong: {error}</source>
        <translation>Noget gik galt: {error}</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../ui/core_messages.py" line="152"/>
        <source>blank</source>
        <translation>tom</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="153"/>
        <source>This is not a valid email address.</source>
        <translation>Det er ikke en gyldig e-mailadresse.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="154"/>
        <source>The part after the @-sign has characters an email address cannot have: {characters}.</source>
        <translation>Delen efter @-tegnet indeholder tegn, som en e-mailadresse ikke kan have: {characters}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="155"/>
        <source>It has characters an email address cannot have: {characters}.</source>
        <translation>Den indeholder tegn, som en e-mailadresse ikke kan have: {characters}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="156"/>
        <source>The part before the @-sign has characters an email address cannot have: {characters}.</source>
        <translation>Delen før @-tegnet indeholder tegn, som en e-mailadresse ikke kan have: {characters}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="157"/>
        <source>This is not an email address: it has no @-sign.</source>
        <translation>Det er ikke en e-mailadresse: der er intet @-tegn.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="158"/>
        <source>The cell holds more than one address.</source>
        <translation>Cellen indeholder mere end én adresse.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="159"/>
        <source>The cell is far too long to be an email address.</source>
        <translation>Cellen er alt for lang til at være en e-mailadresse.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="160"/>
        <source>The address could not be read.</source>
        <translation>Adressen kunne ikke læses.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="162"/>
        <source>It has angle brackets (&lt; &gt;) in the wrong place.</source>
        <translation>Den har vinkelparenteser (&lt; &gt;) det forkerte sted.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="163"/>
        <source>It has quotation marks that an email address cannot have.</source>
        <translation>Den indeholder anførselstegn, som en e-mailadresse ikke kan have.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="164"/>
        <source>The part after the @-sign must be a domain name, not an IP address.</source>
        <translation>Delen efter @-tegnet skal være et domænenavn, ikke en IP-adresse.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="165"/>
        <source>It has no @-sign.</source>
        <translation>Der er intet @-tegn.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="166"/>
        <source>There is nothing before the @-sign.</source>
        <translation>Der står intet før @-tegnet.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="167"/>
        <source>There is nothing after the @-sign.</source>
        <translation>Der står intet efter @-tegnet.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="168"/>
        <source>The part before the @-sign is too long.</source>
        <translation>Delen før @-tegnet er for lang.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="169"/>
        <source>The part after the @-sign is too long.</source>
        <translation>Delen efter @-tegnet er for lang.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="170"/>
        <source>It is too long.</source>
        <translation>Den er for lang.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="171"/>
        <source>It has two dots in a row.</source>
        <translation>Den har to punktummer i træk.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="172"/>
        <source>The part after the @-sign is not a valid domain.</source>
        <translation>Delen efter @-tegnet er ikke et gyldigt domæne.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="173"/>
        <source>The part after the @-sign does not end in a domain ending such as .dk or .com.</source>
        <translation>Delen efter @-tegnet slutter ikke med en domæneendelse som .dk eller .com.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="174"/>
        <source>The part after the @-sign is a reserved name that cannot receive email.</source>
        <translation>Delen efter @-tegnet er et reserveret navn, som ikke kan modtage e-mails.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="175"/>
        <source>It has a dot or a hyphen in the wrong place.</source>
        <translation>Den har et punktum eller en bindestreg det forkerte sted.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="176"/>
        <source>It has characters an email address cannot have.</source>
        <translation>Den indeholder tegn, som en e-mailadresse ikke kan have.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="9"/>
        <source>The column “{column}” holds no valid email address; no contacts were imported.</source>
        <translation>Kolonnen »{column}« indeholder ingen gyldige e-mailadresser; der blev ikke importeret nogen kontakter.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="10"/>
        <source>You confirmed {confirm} contacts, but {count} contacts are unsubscribed; nothing was deleted.</source>
        <translation>Du bekræftede {confirm} kontakter, men {count} kontakter er afmeldt; intet blev slettet.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="13"/>
        <source>There is no suppression list at “{path}”.</source>
        <translation>Der er ingen spærreliste i »{path}«.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="14"/>
        <source>The database {name} already holds a suppression list (its table “{table}” is not empty); copy only into a new, empty database.</source>
        <translation>Databasen {name} indeholder allerede en spærreliste (tabellen »{table}« er ikke tom); kopiér kun til en ny, tom database.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="15"/>
        <source>The copy of the table “{table}” differs from the original, so nothing was copied.</source>
        <translation>Kopien af tabellen »{table}« er forskellig fra originalen, så intet blev kopieret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="178"/>
        <source>“{entry}” is not a domain: write it as @firma.dk (that domain) or *.firma.dk (with its subdomains).</source>
        <translation>»{entry}« er ikke et domæne: skriv det som @firma.dk (kun det domæne) eller *.firma.dk (med alle underdomæner).</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="40"/>
        <source>The import was cancelled; nothing was written.</source>
        <translation>Importen blev annulleret; intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="73"/>
        <source>Added by hand</source>
        <translation>Tilføjet manuelt</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="70"/>
        <source>The person unsubscribed</source>
        <translation>Personen har afmeldt sig</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="55"/>
        <source>Row</source>
        <translation>Række</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="75"/>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="56"/>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="77"/>
        <source>Export to a file ending in .csv or .xlsx, not “{name}”.</source>
        <translation>Eksportér til en fil, der ender på .csv eller .xlsx, ikke »{name}«.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="79"/>
        <source>There is no import #{number}.</source>
        <translation>Der findes ingen import nr. {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="80"/>
        <source>Import #{number}: {file_name}</source>
        <translation>Import nr. {number}: {file_name}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="78"/>
        <source>The export could not be written to “{path}”: {reason}.</source>
        <translation>Eksporten kunne ikke gemmes i »{path}«: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="82"/>
        <source>More than {count} suppressions do not fit in one Excel sheet; export to .csv instead.</source>
        <translation>Der kan højst være {count} spærrede adresser i ét Excel-ark; eksportér til .csv i stedet.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="76"/>
        <source>The errors file could not be written to “{path}”: {reason}.</source>
        <translation>Fejlfilen kunne ikke gemmes i »{path}«: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="7"/>
        <source>{user} on {computer}</source>
        <translation>{user} på {computer}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="8"/>
        <source>unknown</source>
        <translation>ukendt</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="12"/>
        <source>Contacts deleted; their addresses stay suppressed.</source>
        <translation>Kontakter slettet; deres adresser forbliver spærret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="101"/>
        <source>The column “{column}” holds no valid email address ({rows} rows: {blank} blank, {invalid} invalid). Choose the column with the addresses; nothing was imported.</source>
        <translation>Kolonnen »{column}« indeholder ingen gyldige e-mailadresser ({rows} rækker: {blank} tomme, {invalid} ugyldige). Vælg kolonnen med adresserne; intet blev importeret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="102"/>
        <source>You confirmed {confirm} addresses, but the file has {valid} valid addresses to opt out; nothing was imported.</source>
        <translation>Du bekræftede {confirm} adresser, men filen har {valid} gyldige adresser, der skal afmeldes; intet blev importeret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="103"/>
        <source>The file “{name}” changed since it was read; open it again. Nothing was imported.</source>
        <translation>Filen »{name}« er blevet ændret, siden den blev læst; åbn den igen. Intet blev importeret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="100"/>
        <source>Cancelled by the user; nothing was written.</source>
        <translation>Annulleret af brugeren; intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="104"/>
        <source>The file “{name}” is gone since it was read; nothing was imported.</source>
        <translation>Filen »{name}« er forsvundet, siden den blev læst; intet blev importeret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="105"/>
        <source>the person unsubscribed themselves, and an opt-out the person asked for can never be lifted</source>
        <translation>personen har selv afmeldt sig, og et fravalg, som personen selv har bedt om, kan aldrig ophæves</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="106"/>
        <source>it bounced, and a bounce cannot be lifted by hand</source>
        <translation>adressen har afvist e-mails, og en afvisning kan ikke ophæves manuelt</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="107"/>
        <source>the person reported spam, and that cannot be lifted by hand</source>
        <translation>personen har meldt e-mails som spam, og det kan ikke ophæves manuelt</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="108"/>
        <source>The opt-out of {entry} (added by hand, {unit}) was lifted; the address may get marketing email again.</source>
        <translation>Fravalget af {entry} (tilføjet manuelt, {unit}) er ophævet; adressen kan nu få marketing-e-mails igen.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="109"/>
        <source>covered by {domain}</source>
        <translation>omfattet af {domain}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="110"/>
        <source>The opt-out of {entry} (added by hand, {unit}) was lifted, but an opt-out import also lists it, so it stays suppressed.</source>
        <translation>Fravalget af {entry} (tilføjet manuelt, {unit}) er ophævet, men adressen står også i en import af fravalg, så den forbliver spærret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="111"/>
        <source>The opt-out of {entry} (added by hand, {unit}) was lifted; the addresses there that opt-out imports listed stay suppressed; it stays suppressed: {because}.</source>
        <translation>Fravalget af {entry} (tilføjet manuelt, {unit}) er ophævet; de adresser på domænet, som står i importer af fravalg, forbliver spærret, og selve domænet forbliver også spærret: {because}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="112"/>
        <source>The opt-out of {entry} (added by hand, {unit}) was lifted; the addresses there that opt-out imports listed stay suppressed; other addresses at that domain may get marketing email again.</source>
        <translation>Fravalget af {entry} (tilføjet manuelt, {unit}) er ophævet; de adresser på domænet, som står i importer af fravalg, forbliver spærret; andre adresser på domænet kan nu få marketing-e-mails igen.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="113"/>
        <source>The opt-out of {entry} (added by hand, {unit}) was lifted; it stays suppressed: {because}.</source>
        <translation>Fravalget af {entry} (tilføjet manuelt, {unit}) er ophævet, men {entry} forbliver spærret: {because}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="114"/>
        <source>The opt-out of {entry} (added by hand, {unit}) was lifted; other addresses at that domain may get marketing email again.</source>
        <translation>Fravalget af {entry} (tilføjet manuelt, {unit}) er ophævet; andre adresser på domænet kan nu få marketing-e-mails igen.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="115"/>
        <source>Choose a legal basis: one of {keys}.</source>
        <translation>Vælg et retsgrundlag: et af {keys}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="116"/>
        <source>Say why the opt-out is lifted: give an explanation.</source>
        <translation>Angiv, hvorfor fravalget ophæves: skriv en forklaring.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="117"/>
        <source>{entry} has no opt-out of its own for {scope}; nothing was lifted.</source>
        <translation>{entry} har ikke sit eget fravalg for {scope}; intet blev ophævet.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="118"/>
        <source>{entry} cannot be lifted: {why}.</source>
        <translation>Fravalget af {entry} kan ikke ophæves: {why}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="119"/>
        <source>The opt-out of {entry} came with import #{number}; undo that import to lift it.</source>
        <translation>Fravalget af {entry} kom med import nr. {number}; fortryd den import for at ophæve det.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="120"/>
        <source>The opt-out of {entry} came with “{reason}”; undo that import to lift it.</source>
        <translation>Fravalget af {entry} kom med »{reason}«; fortryd den import for at ophæve det.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="41"/>
        <source>“{entry}” is not a valid email address: {why}</source>
        <translation>»{entry}« er ikke en gyldig e-mailadresse: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="121"/>
        <source>{reason} ({scope}), import #{number}</source>
        <translation>{reason} ({scope}), import nr. {number}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="122"/>
        <source>{reason} ({scope})</source>
        <translation>{reason} ({scope})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="42"/>
        <source>A hand-made opt-out is “manual” or “unsubscribed”, not “{reason}”.</source>
        <translation>Et manuelt fravalg skal være »manual« eller »unsubscribed«, ikke »{reason}«.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="232"/>
        <source>{reason}, found by its {algorithm} digest</source>
        <translation>{reason}, fundet via sin {algorithm}-værdi</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="233"/>
        <source>Legitimate interest – prospect/lead</source>
        <translation>Legitim interesse – potentiel kunde/lead</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="234"/>
        <source>Legitimate interest – existing customer</source>
        <translation>Legitim interesse – eksisterende kunde</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="235"/>
        <source>Legitimate interest – other</source>
        <translation>Legitim interesse – andet</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="236"/>
        <source>Performance of a contract</source>
        <translation>Opfyldelse af en kontrakt</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="237"/>
        <source>Freely given consent from contact</source>
        <translation>Frivilligt givet samtykke fra kontakten</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="238"/>
        <source>Not applicable</source>
        <translation>Ikke relevant</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="239"/>
        <source>A contact who is not unsubscribed.</source>
        <translation>En kontakt, der ikke er afmeldt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="240"/>
        <source>Not a contact: one-to-one email goes to contacts.</source>
        <translation>Ikke en kontakt: en-til-en-e-mails sendes kun til kontakter.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="241"/>
        <source>The address bounced: email cannot be delivered.</source>
        <translation>Adressen afviser e-mails: de kan ikke leveres.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="242"/>
        <source>Unsubscribed: allowed only with a legal basis recorded for this send.</source>
        <translation>Afmeldt: kun tilladt, hvis der er registreret et retsgrundlag for netop denne afsendelse.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="243"/>
        <source>A one-to-one email to {address} is not allowed. {reason}</source>
        <translation>En en-til-en-e-mail til {address} er ikke tilladt. {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="32"/>
        <source>PostgreSQL support is not installed; install the package psycopg[binary].</source>
        <translation>Understøttelse af PostgreSQL er ikke installeret; installér pakken psycopg[binary].</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="123"/>
        <source>opt-out import</source>
        <translation>import af fravalg</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="124"/>
        <source>the person unsubscribed</source>
        <translation>personen har afmeldt sig</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="125"/>
        <source>bounced</source>
        <translation>afvist</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="126"/>
        <source>spam report</source>
        <translation>spamklage</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="127"/>
        <source>added by hand</source>
        <translation>tilføjet manuelt</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="231"/>
        <source>{reason}, the whole domain {domain}</source>
        <translation>{reason}, hele domænet {domain}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="39"/>
        <source>The app stopped before the import finished; nothing of it was written.</source>
        <translation>Programmet stoppede, før importen var færdig; intet af den blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="90"/>
        <source>The cell is blank.</source>
        <translation>Cellen er tom.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="91"/>
        <source>The cell holds no address.</source>
        <translation>Cellen indeholder ingen adresse.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="94"/>
        <source>Repeats the address in row {row}.</source>
        <translation>Gentager adressen i række {row}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="145"/>
        <source>Not a valid address.</source>
        <translation>Ikke en gyldig adresse.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="180"/>
        <source>Reading the file stopped unexpectedly; try again.</source>
        <translation>Læsningen af filen stoppede uventet; prøv igen.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="181"/>
        <source>comma</source>
        <translation>komma</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="182"/>
        <source>semicolon</source>
        <translation>semikolon</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="183"/>
        <source>tab</source>
        <translation>tabulator</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="184"/>
        <source>vertical bar</source>
        <translation>lodret streg</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="185"/>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 med BOM</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="18"/>
        <source>The database server {name} did not accept the user name or password; nothing was written. Set PGPASSWORD, add the password to your .pgpass file, or type it when asked.</source>
        <translation>Databaseserveren {name} godtog ikke brugernavnet eller adgangskoden; intet blev gemt. Sæt PGPASSWORD, skriv adgangskoden i din .pgpass-fil, eller indtast den, når du bliver spurgt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="19"/>
        <source>The database server {name} could not be reached ({reason}); nothing was written and nothing else was changed.</source>
        <translation>Der var ingen forbindelse til databaseserveren {name} ({reason}); intet blev gemt, og intet andet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="22"/>
        <source>The database {name} on the server is read-only, so nothing was written: your user may only read it; ask the server&apos;s administrator for write access.</source>
        <translation>Databasen {name} på serveren er skrivebeskyttet, så intet blev gemt: din bruger må kun læse den; bed serverens administrator om skriveadgang.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="28"/>
        <source>The database {name} holds other tables than OptOut Desktop&apos;s; it was left untouched.</source>
        <translation>Databasen {name} indeholder andre tabeller end OptOut Desktops; den blev ikke rørt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="36"/>
        <source>The suppression list on the server could not be updated for this version of the app, so it was left as it was: {reason}</source>
        <translation>Spærrelisten på serveren kunne ikke opdateres til denne version af programmet, så den blev ladt, som den var: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="139"/>
        <source>{choice} (the file looks like {found})</source>
        <translation>{choice} (filen ligner {found})</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="146"/>
        <source>running</source>
        <translation>i gang</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="147"/>
        <source>cancelled</source>
        <translation>annulleret</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="148"/>
        <source>failed</source>
        <translation>mislykket</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="149"/>
        <source>Import #{number} imported contacts; only an opt-out import can be undone.</source>
        <translation>Import nr. {number} importerede kontakter; kun en import af fravalg kan fortrydes.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="150"/>
        <source>Import #{number} was {state} and wrote nothing; there is nothing to undo.</source>
        <translation>Import nr. {number} er {state} og har ikke gemt noget; der er intet at fortryde.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="151"/>
        <source>You confirmed {confirm}, but undoing import #{number} lifts {count} opt-outs; nothing was changed.</source>
        <translation>Du bekræftede {confirm}, men når import nr. {number} fortrydes, ophæves {count} fravalg; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="222"/>
        <source>Whole account</source>
        <translation>Hele kontoen</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="223"/>
        <source>Business unit #{number}</source>
        <translation>Forretningsenhed nr. {number}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="224"/>
        <source>none yet</source>
        <translation>ingen endnu</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="225"/>
        <source>There is no business unit “{name}” (business units: {known}). Add it with: optout business-units --add &quot;{command_name}&quot;</source>
        <translation>Der findes ingen forretningsenhed »{name}« (forretningsenheder: {known}). Tilføj den med: optout business-units --add &quot;{command_name}&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="226"/>
        <source>Name the business unit.</source>
        <translation>Giv forretningsenheden et navn.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="227"/>
        <source>A business unit needs a name.</source>
        <translation>En forretningsenhed skal have et navn.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="228"/>
        <source>“{name}” is taken: it means every business unit.</source>
        <translation>Navnet »{name}« kan ikke bruges: det betyder alle forretningsenheder.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="229"/>
        <source>There is already a business unit “{name}”.</source>
        <translation>Der findes allerede en forretningsenhed »{name}«.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="230"/>
        <source>The business unit “{name}” has opt-outs or imports, so it cannot be removed.</source>
        <translation>Forretningsenheden »{name}« har fravalg eller importer, så den kan ikke fjernes.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="186"/>
        <source>a PNG image</source>
        <translation>et PNG-billede</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="11"/>
        <source>{count} addresses of people who asked to be forgotten were left out.</source>
        <translation>{count} adresser fra personer, der har bedt om at blive glemt, blev udeladt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="43"/>
        <source>History entry #{number} did not add an opt-out by hand; there is nothing to lift.</source>
        <translation>Historikpost nr. {number} tilføjede ikke et fravalg manuelt; der er intet at ophæve.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="44"/>
        <source>The opt-out of {entry} was lifted already; nothing changed.</source>
        <translation>Fravalget af {entry} er allerede ophævet; intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="45"/>
        <source>“{path}” could not be saved: {reason}. Nothing was saved.</source>
        <translation>»{path}« kunne ikke gemmes: {reason}. Intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="46"/>
        <source>Save the cleaned list as .csv, .txt or .xlsx, not “{name}”; nothing was saved.</source>
        <translation>Gem den rensede liste som .csv, .txt eller .xlsx, ikke »{name}«; intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="47"/>
        <source>“{name}” is the list being cleaned; save to a new file. The original is never overwritten; nothing was saved.</source>
        <translation>»{name}« er listen, der renses; gem i en ny fil. Originalen overskrives aldrig; intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="48"/>
        <source>The cleaned list and the left-out rows need a file each; nothing was saved.</source>
        <translation>Den rensede liste og de udeladte rækker skal have hver sin fil; intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="49"/>
        <source>“{name}” exists already; choose a new name (no file is ever overwritten). Nothing was saved.</source>
        <translation>»{name}« findes allerede; vælg et nyt navn (ingen fil overskrives nogensinde). Intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="50"/>
        <source>“{path}” cannot be saved: its folder does not exist or cannot be written to. Nothing was saved.</source>
        <translation>»{path}« kan ikke gemmes: mappen findes ikke, eller der kan ikke skrives i den. Intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="51"/>
        <source>Save the left-out rows as .csv, not “{name}”; nothing was saved.</source>
        <translation>Gem de udeladte rækker som .csv, ikke »{name}«; intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="52"/>
        <source>“{name}” holds characters that cannot be written back exactly as they were; save the cleaned list as .xlsx instead. Nothing was saved.</source>
        <translation>»{name}« indeholder tegn, der ikke kan skrives tilbage præcis, som de var; gem den rensede liste som .xlsx i stedet. Intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="53"/>
        <source>More than {count} rows do not fit in one Excel sheet; save the cleaned list as .csv instead. Nothing was saved.</source>
        <translation>Mere end {count} rækker kan ikke være i ét Excel-ark; gem den rensede liste som .csv i stedet. Intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="54"/>
        <source>“{name}” appeared while the list was being cleaned; it was left as it is, and nothing was saved.</source>
        <translation>»{name}« dukkede op, mens listen blev renset; den blev ikke rørt, og intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="57"/>
        <source>The file “{name}” changed since it was read; open it again. Nothing was saved.</source>
        <translation>Filen »{name}« er ændret, siden den blev læst; åbn den igen. Intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="58"/>
        <source>The column “{column}” holds no valid email address ({rows} rows: {blank} blank, {invalid} invalid). Choose the column with the addresses; nothing was saved.</source>
        <translation>Kolonnen »{column}« indeholder ingen gyldige e-mailadresser ({rows} rækker: {blank} tomme, {invalid} ugyldige). Vælg kolonnen med adresserne; intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="59"/>
        <source>The cleaned list was saved, but this cleaning could not be kept in the history: {reason}</source>
        <translation>Den rensede liste blev gemt, men rensningen kunne ikke gemmes i historikken: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="60"/>
        <source>Export to a file ending in .txt or .csv, not “{name}”.</source>
        <translation>Eksportér til en fil, der ender på .txt eller .csv, ikke »{name}«.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="61"/>
        <source>“{format}” is not a format; choose one of {formats}.</source>
        <translation>»{format}« er ikke et format; vælg et af {formats}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="62"/>
        <source>“{algorithm}” is not a hash this app writes; choose one of {algorithms}.</source>
        <translation>»{algorithm}« er ikke en hashfunktion, som programmet skriver; vælg en af {algorithms}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="63"/>
        <source>Export to a file ending in .csv, not “{name}”.</source>
        <translation>Eksportér til en fil, der ender på .csv, ikke »{name}«.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="64"/>
        <source>Suppression list</source>
        <translation>Spærreliste</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="65"/>
        <source>Business unit</source>
        <translation>Forretningsenhed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="66"/>
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="67"/>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="68"/>
        <source>Opted out</source>
        <translation>Afmeldt</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="69"/>
        <source>Opt-out import</source>
        <translation>Import af fravalg</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="71"/>
        <source>Bounced</source>
        <translation>Afvist</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="72"/>
        <source>Spam report</source>
        <translation>Spamklage</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="74"/>
        <source>A partner&apos;s hashed list</source>
        <translation>En samarbejdspartners hashede liste</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="81"/>
        <source>{reason} (the whole domain)</source>
        <translation>{reason} (hele domænet)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="83"/>
        <source>The person was forgotten: {count} records that held the address were deleted, and its SHA-256 digest keeps it suppressed.</source>
        <translation>Personen er glemt: {count} poster med adressen blev slettet, og dens SHA-256-værdi holder den spærret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="84"/>
        <source>This person was forgotten before; nothing plain of the address is left.</source>
        <translation>Personen er allerede glemt; intet af adressen er tilbage i klartekst.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="85"/>
        <source>Type the address {address} again to confirm; nothing was forgotten.</source>
        <translation>Skriv adressen {address} igen for at bekræfte; intet blev glemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="86"/>
        <source>Another program holds the suppression list open, so the file could not be cleared of the deleted bytes yet; close it and forget the address again.</source>
        <translation>Et andet program har spærrelisten åben, så filen kunne endnu ikke renses for de slettede data; luk det, og glem adressen igen.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="87"/>
        <source>Copies made before upgrades still hold old data: {copies}.</source>
        <translation>Kopier, der blev lavet før opgraderinger, indeholder stadig gamle data: {copies}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="88"/>
        <source>A person was forgotten: every plain trace of the address was deleted; its SHA-256 digest keeps it suppressed.</source>
        <translation>En person er glemt: alle spor af adressen i klartekst blev slettet; dens SHA-256-værdi holder den spærret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="89"/>
        <source>Cleaned list saved as “{name}”: {kept} rows may be emailed, {suppressed} suppressed.</source>
        <translation>Renset liste gemt som »{name}«: {kept} rækker må få e-mails, {suppressed} er spærret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="92"/>
        <source>New: not suppressed yet.</source>
        <translation>Ny: ikke spærret endnu.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="93"/>
        <source>Already suppressed.</source>
        <translation>Allerede spærret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="96"/>
        <source>Suppressed by this import.</source>
        <translation>Spærret ved denne import.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="97"/>
        <source>The import’s helper process stopped unexpectedly; nothing was written.</source>
        <translation>Importens hjælpeproces stoppede uventet; intet blev skrevet.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="98"/>
        <source>Something went wrong: {error}</source>
        <translation>Noget gik galt: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="99"/>
        <source>Count the file again before importing it.</source>
        <translation>Tæl filen igen, før du importerer den.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="128"/>
        <source>a partner&apos;s hashed list</source>
        <translation>en samarbejdspartners hashede liste</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="129"/>
        <source>an Amazon SES suppression list: BOUNCE is bounced, COMPLAINT a spam report</source>
        <translation>en spærreliste fra Amazon SES: BOUNCE er afvist, COMPLAINT en spamklage</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="130"/>
        <source>a Mailchimp export of cleaned contacts: all bounced</source>
        <translation>en eksport af rensede kontakter fra Mailchimp: alle afvist</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="131"/>
        <source>a Mailchimp export of unsubscribed contacts</source>
        <translation>en eksport af afmeldte kontakter fra Mailchimp</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="132"/>
        <source>a SendGrid list of bounces</source>
        <translation>en SendGrid-liste over afviste</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="133"/>
        <source>a SendGrid list of spam reports</source>
        <translation>en SendGrid-liste over spamklager</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="134"/>
        <source>a SendGrid list of unsubscribes</source>
        <translation>en SendGrid-liste over afmeldinger</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="135"/>
        <source>a HubSpot export: its unsubscribe, bounce and spam columns say why</source>
        <translation>en eksport fra HubSpot: dens kolonner for afmelding, afvisning og spam siger hvorfor</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="136"/>
        <source>“{reason}” is not a reason; choose one of {keys}.</source>
        <translation>»{reason}« er ikke en årsag; vælg en af {keys}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="138"/>
        <source>Reason: {reason}</source>
        <translation>Årsag: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="137"/>
        <source>Reason: from the column {columns}, else {reason}</source>
        <translation>Årsag: fra kolonnen {columns}, ellers {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="140"/>
        <source>opted out for the whole account</source>
        <translation>afmeldt for hele kontoen</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="141"/>
        <source>opted out for this business unit</source>
        <translation>afmeldt for denne forretningsenhed</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="142"/>
        <source>the whole domain is opted out</source>
        <translation>hele domænet er afmeldt</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="143"/>
        <source>May be emailed.</source>
        <translation>Må få e-mails.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="144"/>
        <source>Suppressed: {why}.</source>
        <translation>Spærret: {why}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="95"/>
        <source>Invalid: {why}</source>
        <translation>Ugyldig: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="161"/>
        <source>There is text after the address.</source>
        <translation>Der står tekst efter adressen.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="177"/>
        <source>This is not an MD5 or SHA-256 digest (32 or 64 hexadecimal characters).</source>
        <translation>Dette er ikke en MD5- eller SHA-256-værdi (32 eller 64 hexadecimale tegn).</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="187"/>
        <source>a JPEG image</source>
        <translation>et JPEG-billede</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="188"/>
        <source>a GIF image</source>
        <translation>et GIF-billede</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="189"/>
        <source>a PDF document</source>
        <translation>et PDF-dokument</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="190"/>
        <source>a TIFF image</source>
        <translation>et TIFF-billede</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="191"/>
        <source>a media file</source>
        <translation>en mediefil</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="192"/>
        <source>a compressed (gzip) file</source>
        <translation>en komprimeret fil (gzip)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="193"/>
        <source>a 7-Zip archive</source>
        <translation>et 7-Zip-arkiv</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="194"/>
        <source>a RAR archive</source>
        <translation>et RAR-arkiv</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="195"/>
        <source>a Word (RTF) document</source>
        <translation>et Word-dokument (RTF)</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="196"/>
        <source>an audio file</source>
        <translation>en lydfil</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="197"/>
        <source>a program</source>
        <translation>et program</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="198"/>
        <source>“{name}” is a photo or video file, not a table.</source>
        <translation>»{name}« er et billede eller en video, ikke en tabel.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="199"/>
        <source>“{name}” holds binary data, not text: it is not a CSV file. Choose a CSV or Excel file.</source>
        <translation>»{name}« indeholder binære data, ikke tekst: det er ikke en CSV-fil. Vælg en CSV- eller Excel-fil.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="200"/>
        <source>“{name}” is {what}, not a table. Choose a CSV or Excel file.</source>
        <translation>»{name}« er {what}, ikke en tabel. Vælg en CSV- eller Excel-fil.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="201"/>
        <source>{file}, sheet “{sheet}”, no header row</source>
        <translation>{file}, arket »{sheet}«, ingen overskriftsrække</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="202"/>
        <source>The spreadsheet “{name}” has no sheet “{sheet}”. Its sheets are: {sheets}.</source>
        <translation>Regnearket »{name}« har intet ark, der hedder »{sheet}«. Arkene hedder: {sheets}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="203"/>
        <source>The file has no column “{column}”. Its columns are: {columns}.</source>
        <translation>Filen har ingen kolonne, der hedder »{column}«. Kolonnerne hedder: {columns}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="204"/>
        <source>{file}, {encoding}, {delimiter}, no header row</source>
        <translation>{file}, {encoding}, {delimiter}, ingen overskriftsrække</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="205"/>
        <source>{file}, sheet “{sheet}”, first row is the header</source>
        <translation>{file}, arket »{sheet}«, første række er overskrifter</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="206"/>
        <source>The file “{name}” is empty.</source>
        <translation>Filen »{name}« er tom.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="207"/>
        <source>The file “{name}” has no rows with any content.</source>
        <translation>Filen »{name}« har ingen rækker med indhold.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="208"/>
        <source>The file “{name}” has column headings but no rows below them: there is nothing to import.</source>
        <translation>Filen »{name}« har kolonneoverskrifter, men ingen rækker under dem: der er intet at importere.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="209"/>
        <source>Column {number}</source>
        <translation>Kolonne {number}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="210"/>
        <source>“{name}” is a ZIP archive, not a table. Unpack it and choose the CSV or Excel file inside.</source>
        <translation>»{name}« er et ZIP-arkiv, ikke en tabel. Pak det ud, og vælg CSV- eller Excel-filen i det.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="211"/>
        <source>The spreadsheet “{name}” has no sheets.</source>
        <translation>Regnearket »{name}« har ingen ark.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="212"/>
        <source>The sheet “{sheet}” in “{name}” is empty.</source>
        <translation>Arket »{sheet}« i »{name}« er tomt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="213"/>
        <source>{file}, {encoding}, {delimiter}, first row is the header</source>
        <translation>{file}, {encoding}, {delimiter}, første række er overskrifter</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="214"/>
        <source>The file “{name}” does not exist.</source>
        <translation>Filen »{name}« findes ikke.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="215"/>
        <source>“{name}” is a folder, not a file.</source>
        <translation>»{name}« er en mappe, ikke en fil.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="216"/>
        <source>The file “{name}” could not be opened: {reason}.</source>
        <translation>Filen »{name}« kunne ikke åbnes: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="217"/>
        <source>“{encoding}” is not a character encoding this app knows.</source>
        <translation>»{encoding}« er ikke et tegnsæt, som programmet kender.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="218"/>
        <source>The spreadsheet “{name}” could not be read ({reason}). Open it in Excel and save it again, or save it as CSV.</source>
        <translation>Regnearket »{name}« kunne ikke læses ({reason}). Åbn det i Excel, og gem det igen, eller gem det som CSV.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="219"/>
        <source>The sheet “{sheet}” in “{name}” could not be read ({reason}).</source>
        <translation>Arket »{sheet}« i »{name}« kunne ikke læses ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="220"/>
        <source>The spreadsheet “{name}” is damaged or incomplete and cannot be read. Open it in Excel and save it again, or save it as CSV.</source>
        <translation>Regnearket »{name}« er beskadiget eller ufuldstændigt og kan ikke læses. Åbn det i Excel, og gem det igen, eller gem det som CSV.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="179"/>
        <source>“{name}” could not be read as a table near line {line}: a cell runs on for more than {count} characters. This usually means a quotation mark that is never closed.</source>
        <translation>»{name}« kunne ikke læses som en tabel omkring linje {line}: en celle fortsætter i mere end {count} tegn. Det skyldes som regel et anførselstegn, der aldrig bliver lukket.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="221"/>
        <source>a damaged ZIP archive</source>
        <translation>et beskadiget ZIP-arkiv</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="16"/>
        <source>The database {name} could not be used ({reason}); nothing was written.</source>
        <translation>Databasen {name} kunne ikke bruges ({reason}); intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="17"/>
        <source>of the suppression list</source>
        <translation>til spærrelisten</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="20"/>
        <source>The suppression list is open in another window or program; try again when it is closed.</source>
        <translation>Spærrelisten er åben i et andet vindue eller program; prøv igen, når den er lukket.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="21"/>
        <source>The disk is full, so nothing was written; free some space and try again.</source>
        <translation>Disken er fuld, så intet blev gemt; frigør noget plads, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="23"/>
        <source>The database {name} is read-only, so nothing was written; choose a folder you can write to.</source>
        <translation>Databasen {name} er skrivebeskyttet, så intet blev gemt; vælg en mappe, du kan gemme i.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="24"/>
        <source>The database {name} is damaged, so nothing was written to it; use a copy.</source>
        <translation>Databasen {name} er beskadiget, så intet blev gemt i den; brug en kopi.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="25"/>
        <source>The database {name} could not be opened: its folder is missing or cannot be written to.</source>
        <translation>Databasen {name} kunne ikke åbnes: mappen findes ikke, eller der kan ikke gemmes i den.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="26"/>
        <source>The disk holding the database {name} could not be read or written.</source>
        <translation>Disken med databasen {name} kunne ikke læses eller skrives til.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="27"/>
        <source>The database “{path}” is a folder, not a file.</source>
        <translation>Databasen »{path}« er en mappe, ikke en fil.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="33"/>
        <source>This suppression list was made by a newer OptOut Desktop; update the app.</source>
        <translation>Denne spærreliste er lavet med en nyere version af OptOut Desktop; opdatér programmet.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="29"/>
        <source>“{path}” is not an OptOut Desktop database; it was left untouched.</source>
        <translation>»{path}« er ikke en OptOut Desktop-database; den er ikke blevet ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="30"/>
        <source>The database “{path}” could not be created: {reason}.</source>
        <translation>Databasen »{path}« kunne ikke oprettes: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="34"/>
        <source>The suppression list could not be updated for this version of the app, so it was left as it was (a copy is in “{backup}”): {reason}</source>
        <translation>Spærrelisten kunne ikke opdateres til denne version af programmet, så den er ikke blevet ændret (der ligger en kopi i »{backup}«): {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="37"/>
        <source>Before updating the suppression list a copy could not be made in “{backup}” ({reason}); nothing was changed.</source>
        <translation>Før spærrelisten kunne opdateres, skulle der laves en kopi i »{backup}«, men det lykkedes ikke ({reason}); intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="31"/>
        <source>The database “{path}” could not be read: {reason}.</source>
        <translation>Databasen »{path}« kunne ikke læses: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="38"/>
        <source>the upgrade left rows that refer to nothing</source>
        <translation>opdateringen efterlod rækker, der ikke henviser til noget</translation>
    </message>
    <message>
        <location filename="../../ui/core_messages.py" line="35"/>
        <source>no way from schema version {old} to {new}</source>
        <translation>kan ikke opdatere fra skemaversion {old} til {new}</translation>
    </message>
</context>
</TS>
