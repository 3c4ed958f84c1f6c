//! The sentences mail clients and webmail write around a server's refusal, in the languages
//! they ship in, as data: Thunderbird's (thunderbird/thunderbird-l10n), Roundcube's and
//! PHPMailer's, GNOME Evolution's and msmtp's, each read from the project's own localisation
//! files. Every sentence with its locale, key and file is in
//! `fixtures/clients/thunderbird-l10n.tsv` and `fixtures/clients/webmail-l10n.tsv`, and
//! `tests/client_wordings.rs` reads each example there for its command and cause.
//!
//! Each list is one step or one cause, and each sentence is written once: [`STAGES`] gives
//! the command a list names (read by `explain`'s context inference), and the
//! `thunderbird_l10n_*`, `webmail_l10n_*` and `msmtp_l10n_*` rules of [`super::classify`]
//! give the cause a list names (the server not reached, the login refused, the message over
//! the size limit, STARTTLS not offered). A list that names both, a failed login or STARTTLS,
//! is read by both. Where a sentence quotes the server's reply and names no cause, the
//! reply's own reason stands.
//!
//! Lower case (a line is matched in lower case in every script), without quotes. A sentence
//! written around a placeholder (an address, a code, the server's reply) is written in its
//! parts, `a…b`: `a`, then `b` later in the line, so that the address or the reply may stand
//! between ("Der Empfänger" … "konnte nicht gesetzt werden"), and a generic first part
//! ("authentication failed") is not read alone.

use super::Context;

/// A list of sentences that name the command the server refused.
#[derive(Debug, Clone, Copy)]
pub struct Stage {
    /// The command the sentences name.
    pub command: Context,
    /// The sentences, as [the module](self) writes them.
    pub sentences: &'static [&'static str],
}

/// Every list that names a command, in the order they are tried: a line's command is the
/// one of the first list (and the first sentence in it) that the line holds.
#[rustfmt::skip]
pub const STAGES: &[Stage] = &[
    Stage { command: Context::Mail, sentences: THUNDERBIRD_MAIL },
    Stage { command: Context::Rcpt, sentences: THUNDERBIRD_RCPT },
    Stage { command: Context::Data, sentences: THUNDERBIRD_DATA },
    Stage { command: Context::EndOfData, sentences: THUNDERBIRD_END_OF_DATA },
    Stage { command: Context::Auth, sentences: THUNDERBIRD_LOGIN },
    Stage { command: Context::StartTls, sentences: THUNDERBIRD_STARTTLS },
    Stage { command: Context::Mail, sentences: WEBMAIL_MAIL },
    Stage { command: Context::Rcpt, sentences: WEBMAIL_RCPT },
    Stage { command: Context::EndOfData, sentences: WEBMAIL_END_OF_DATA },
    Stage { command: Context::Auth, sentences: WEBMAIL_LOGIN },
    Stage { command: Context::Greeting, sentences: EVOLUTION_GREETING },
    Stage { command: Context::Helo, sentences: EVOLUTION_HELO },
    Stage { command: Context::Mail, sentences: EVOLUTION_MAIL },
    Stage { command: Context::Rcpt, sentences: EVOLUTION_RCPT },
    Stage { command: Context::Data, sentences: EVOLUTION_DATA },
    Stage { command: Context::Auth, sentences: EVOLUTION_AUTH },
    Stage { command: Context::StartTls, sentences: EVOLUTION_STARTTLS },
    Stage { command: Context::Rset, sentences: EVOLUTION_RSET },
    Stage { command: Context::Quit, sentences: EVOLUTION_QUIT },
    Stage { command: Context::Greeting, sentences: MSMTP_GREETING },
    Stage { command: Context::Helo, sentences: MSMTP_HELO },
    Stage { command: Context::Mail, sentences: MSMTP_MAIL },
    Stage { command: Context::Rcpt, sentences: MSMTP_RCPT },
    Stage { command: Context::Data, sentences: MSMTP_DATA },
    Stage { command: Context::EndOfData, sentences: MSMTP_END_OF_DATA },
    Stage { command: Context::Auth, sentences: MSMTP_LOGIN },
    Stage { command: Context::StartTls, sentences: MSMTP_STARTTLS },
];

// Thunderbird, in the 16 languages of fixtures/clients/thunderbird-l10n.tsv: the sentence after
// the server's reply.

/// Thunderbird's `errorSendingFromCommand` / `smtp-error-sending-from-command` (MAIL FROM):
/// the sentence after the server's reply (a German user's "Fehler beim Senden der Nachricht.
/// Der Mail-Server antwortete: … Bitte überprüfen Sie, ob Ihre E-Mail-Adresse in den
/// Konten-Einstellungen stimmt", heldout-v22 18). From `<locale>/mail/chrome/messenger/messengercompose/composeMsgs.properties` and
/// `<locale>/mail/messenger/messageSend.ftl` of thunderbird/thunderbird-l10n.
#[rustfmt::skip]
pub const THUNDERBIRD_MAIL: &[&str] = &[
    "ob ihre e-mail-adresse in den konten-einstellungen stimmt",
    "votre adresse e-mail dans les paramètres du compte est correcte",
    "verifique que su dirección de correo electrónico es correcta en las preferencias de su cuenta",
    "indirizzo email nelle impostazioni dell",
    "verifique se seu endereço de email está correto nas configurações da conta",
    "verifique se o seu endereço eletrónico está correto nas definições da conta",
    "в параметрах учётной записи адрес электронной почты верен",
    "proszę zweryfikować poprawność adresu e-mail w konfiguracji kont",
    "controleer of uw e-mailadres juist is ingesteld in uw accountinstellingen",
    "アカウント設定でメールアドレスの設定が正しいか確認し",
    "请验证您在账户设置中的电子邮件地址是否正确",
    "中您的電子郵件地址是否正確後再試一次",
    "ověřte prosím správnost své e-mailové adresy",
    "в налаштуваннях облікового запису ваша адреса електронної пошти",
    "posta ayarlarındaki e-posta adresinin doğruluğunu kontrol edip",
    "az ön e-mail címe helyesen van-e megadva a fiók beállításaiban",
    "please verify that your email address is correct in your account settings",
];

/// Thunderbird's `errorSendingRcptCommand` / `smtp-error-sending-recipient-command` (RCPT TO).
#[rustfmt::skip]
pub const THUNDERBIRD_RCPT: &[&str] = &[
    "bitte überprüfen sie die e-mail-adresse des empfängers",
    "vérifier l’adresse du destinataire",
    "vérifier l'adresse du destinataire",
    "verifique el destinatario",
    "controllare il destinatario del messaggio",
    "verifique o destinatário da mensagem",
    "проверьте правильность написания адреса получателя",
    "sprawdź adresata wiadomości",
    "controleer de berichtontvanger",
    "メッセージの受信者",
    "请检查消息收件人",
    "請檢查訊息收件者",
    "zkontrolujte prosím příjemce zprávy",
    "перевірте отримувача повідомлення",
    "alıcısını gözden geçirip yeniden deneyin",
];

/// Thunderbird's `errorSendingDataCommand` / `smtp-error-sending-data-command` (DATA). Not
/// "…サーバーエラーが発生しました。サーバーからの応答", ja's `smtp-server-error`, which any
/// command may give.
#[rustfmt::skip]
pub const THUNDERBIRD_DATA: &[&str] = &[
    "(smtp-)fehler beim senden der nachricht",
    "une erreur de serveur sortant (smtp) est survenue",
    "ocurrió un error en el servidor de salida (smtp) al enviar el correo",
    "errore nel server di posta in uscita (smtp) durante",
    "ocorreu um erro no servido de envio (smtp)",
    "ocorreu um erro (smtp) ao enviar o correio",
    "ошибка сервера исходящей почты (smtp) при отправлении почты",
    "wystąpił błąd serwera poczty wychodzącej (smtp)",
    "er is een fout met de uitgaande (smtp-)server opgetreden",
    "サーバーエラーが発生しました。サーバーから応答",
    "发送邮件时发件服务器（smtp）出错",
    "寄件伺服器（smtp）在寄信時發生錯誤",
    "寄件伺服器 (smtp) 在寄信時發生錯誤",
    "při odesílání zprávy nastala (smtp) chyba",
    "сталася помилка сервера вихідної пошти (smtp)",
    "giden sunucusu (smtp) hatası oluştu",
    "levélküldő kiszolgáló (smtp) hiba történt",
];

/// Thunderbird's `errorSendingMessage` / `smtp-error-sending-message`: the message itself
/// refused, after its end.
#[rustfmt::skip]
pub const THUNDERBIRD_END_OF_DATA: &[&str] = &[
    "bitte überprüfen sie die nachricht und wiederholen sie den vorgang",
    "veuillez vérifier le message et essayer à nouveau",
    "compruebe el mensaje y vuelva a intentarlo",
    "controllare il messaggio e riprovare",
    "verifique a mensagem e tente novamente",
    "проверьте сообщение и попробуйте снова",
    "proszę sprawdzić wiadomość i spróbować ponownie",
    "controleer het bericht en probeer het opnieuw",
    "メッセージを確認し、再度試してください",
    "请检查该消息然后再试",
    "請檢查訊息後再試一次",
    "zkontrolujte prosím zprávu a zkuste to znovu",
    "перевірте повідомлення і повторіть спробу",
    "lütfen iletiyi gözden geçirip yeniden deneyin",
    "ellenőrizze az üzenetet, majd próbálja újra",
];

/// Thunderbird's `smtpAuthFailure` / `smtp-auth-failure` and `smtpAuthMechNotSupported` /
/// `smtp-auth-mechanism-not-supported` (and the English dialogs for the same steps): the
/// login, or the mechanism chosen, refused. AUTH; the classify rule `thunderbird_l10n_login`.
#[rustfmt::skip]
pub const THUNDERBIRD_LOGIN: &[&str] = &[
    "bitte überprüfen sie das passwort und die gewählte",
    "unterstützt die gewählte authentifizierungsmethode nicht",
    "veuillez vérifier votre mot de passe et la",
    "authentification sélectionnée",
    "no se puede identificar al servidor de salida (smtp)",
    "no admite el mecanismo de identificación seleccionado",
    "autenticazione non riuscita col server di posta in uscita",
    "non supporta il metodo di autenticazione selezionato",
    "não foi possível autenticar no servidor de envio (smtp)",
    "não foi possível efetuar a autenticação no servidor de envio",
    "ao método de autenticação selecionado",
    "не удалось аутентифицироваться на сервере исходящей почты",
    "не поддерживает выбранный метод аутентификации",
    "nie udało się uwierzytelnić z serwerem",
    "nie obsługuje wybranej metody uwierzytelniania",
    "kan niet authenticeren bij uitgaande (smtp-)server",
    "ondersteunt de geselecteerde authenticatiemethode niet",
    "の認証に失敗しました",
    "が選択された認証方式をサポートしていません",
    "进行认证。请检查密码",
    "不支持您所选择的认证方式",
    "進行認證。",
    "不支援您所選擇的認證方式",
    "zkontrolujte prosím heslo a nastavený",
    "nepodporuje zvolenou metodu autentizace",
    "неможливо авторизуватися на сервері вихідної пошти",
    "giden sunucusunda (smtp) kimlik doğrulanamadı",
    "seçilen kimlik doğrulama yöntemini desteklemiyor",
    "seçilen yetkilendirme yöntemini desteklemiyor",
    "does not support the selected authentication method",
    "does not seem to support encrypted passwords",
    "does not allow plaintext passwords",
];

/// Thunderbird's `startTlsFailed` / `smtp-starttls-failed` (and the English dialog): STARTTLS
/// was required and the server does not offer it. STARTTLS; the classify rule
/// `thunderbird_l10n_starttls`.
#[rustfmt::skip]
pub const THUNDERBIRD_STARTTLS: &[&str] = &[
    "schalten sie starttls für diesen server ab",
    "désactivez « starttls » pour ce serveur",
    "no es posible establecer un enlace seguro con el servidor de salida (smtp)",
    "disattivare starttls per quel server",
    "desligue o starttls para esse servidor",
    "não foi possível estabelecer uma ligação segura com o servidor de envio (smtp)",
    "отключите использование starttls для этого сервера",
    "należy wyłączyć starttls w opcjach tego serwera",
    "schakel starttls uit voor deze server",
    "starttls を使用しない設定に変更するか",
    "请关闭对此服务器的 starttls",
    "故無法以 starttls 建立安全連線",
    "zrušte u tohoto serveru použití starttls",
    "не заявив про підтримку такої можливості",
    "smtp sunucusuyla güvenli bir bağlantı sağlanamadı",
    "unable to establish a secure link with outgoing server (smtp)",
];

/// Thunderbird's `smtpSendFailedUnknownServer`, `smtpSendRequestRefused`, `smtpSendInterrupted`,
/// `smtpSendTimeout` (`send-error-smtp-unknown-server`, `-request-refused`, `-interrupted`,
/// `-timeout`): the outgoing server unknown, refusing the connection, the connection lost or
/// timed out (the English ones are in classify's `client_connection_failed`). No command; the
/// classify rule `thunderbird_l10n_network`.
#[rustfmt::skip]
pub const THUNDERBIRD_NETWORK: &[&str] = &[
    "der server ist eventuell falsch konfiguriert",
    "weil der verbindungsaufbau mit dem smtp-server",
    "mitten in der transaktion verloren wurde",
    "ihre ablaufzeit (timeout) überschritten hat",
    "le serveur est peut-être mal configuré",
    "le serveur est peut-être indisponible ou refuse les connexions smtp",
    "a été perdue pendant la transaction",
    "serveur sortant (smtp) « …» a expiré",
    "ha fallado la conexión al servidor de salida (smtp)",
    "ha caducado la conexión al servidor de salida (smtp)",
    "se perdió en mitad de la transacción",
    "verifique que la configuración de su servidor de salida (smtp) es correcta",
    "il server potrebbe essere configurato in modo non corretto",
    "il server potrebbe non essere disponibile o rifiutare le connessioni",
    "è stata interrotta durante la trasmissione",
    "(smtp) …è scaduta",
    "o servidor pode ter sido configurado incorretamente",
    "o servidor pode está indisponível ou recusando conexões smtp",
    "o servidor pode estar indisponível ou a recusar ligações smtp",
    "foi perdida no meio da transação",
    "servidor de envio (smtp) …expirou",
    "возможно, сервер неверно сконфигурирован",
    "сервер может быть недоступен или отказывать в соединении по smtp",
    "было утеряно в середине транзакции",
    "время ожидания соединения с сервером исходящей почты",
    "serwer może być niewłaściwie skonfigurowany",
    "serwer może być nieosiągalny albo nie przyjmować połączeń smtp",
    "zostało przerwane w trakcie transakcji",
    "upłynął limit czasu połączenia z serwerem",
    "mogelijk is de server niet juist geconfigureerd",
    "mogelijk is de server niet beschikbaar of weigert smtp-verbindingen",
    "in het midden van de transactie werd verbroken",
    "de wachttijd voor de verbinding met uitgaande",
    "サーバーの設定に誤りがある可能性があります",
    "smtp 接続が拒否された可能性があります",
    "との接続が切断されたため、メッセージを送信できませんでした",
    "との接続がタイムアウトしたため",
    "服务器可能配置错误",
    "或者拒绝 smtp 连接",
    "的连接在传输过程中中断",
    "的连接超时",
    "伺服器可能設定錯誤",
    "或暫時拒絕 smtp 連線",
    "間的連線在傳輸過程中中斷",
    "間的連線逾時",
    "server může být špatně nakonfigurován",
    "server může být nedostupný nebo odmítá smtp spojení",
    "bylo ztraceno uprostřed transakce",
    "(smtp) …vypršelo",
    "smtp serverem …vypršelo",
    "невідомий сервер вихідної пошти (smtp)",
    "було втрачене при виконанні операції",
    "завершився час очікування з",
    "ile bağlantı başarısız olduğu için ileti gönderilemedi",
    "ile bağlantı zaman aşımına uğradı",
    "nem lehetett kapcsolatot teremteni a levélküldő (smtp) kiszolgálóval",
    "való kapcsolat megszakadt a tranzakció közben",
    "való kapcsolat időtúllépés miatt megszakadt",
    "the connection to outgoing server (smtp) …timed out",
    "сервер може бути недоступним, або відхиляє з",
    "sunucu yanlış yapılandırılmış olabilir",
    "ile bağlantı koptu",
    "lehet, hogy a kiszolgálót hibásan állították be",
    "pode ser que o servidor esteja mal configurado",
];

/// Thunderbird's `smtpPermSizeExceeded2` / `smtp-permanent-size-exceeded`: the message over the
/// server's size limit. No command; the classify rule `thunderbird_l10n_size`.
#[rustfmt::skip]
pub const THUNDERBIRD_SIZE: &[&str] = &[
    "reduzieren sie die nachrichtengröße",
    "réduisez la taille du message",
    "excede el límite global de tamaño del servidor",
    "supera il limite globale del server",
    "excede o limite global do servidor",
    "превышает глобальный предел размера",
    "przekracza globalny limit rozmiaru wiadomości",
    "overschrijdt de globalegroottelimiet van de server",
    "送信メッセージのサイズがサーバーのサイズ制限を超えた",
    "超过了全局大小限制",
    "正在寄送的郵件超過了伺服器的大小上限",
    "překročila na serveru nastavený globální velikostní limit",
    "перевищує глобальне обмеження розміру сервера",
    "sunucunun genel boyut sınırını aşıyor",
];

// Roundcube (`program/localization/<lang>/messages.inc`, read from two copies of Roundcube
// 1.4–1.6, ZiBiS/roundcubemail and Chronolabs-Cooperative/Emails-API-PHP, the index holding
// only 2005–2010 versions of roundcube/roundcubemail) and PHPMailer
// (`language/phpmailer.lang-<code>.php`), in the languages of
// fixtures/clients/webmail-l10n.tsv. Their English sentences are read by the English tables.

/// Roundcube's `smtpfromerror` ("SMTP Error ($code): Failed to set sender \"$from\" ($msg).")
/// and PHPMailer's `from_failed`: the sender refused. MAIL FROM.
#[rustfmt::skip]
pub const WEBMAIL_MAIL: &[&str] = &[
    "تعذر تحديد المرسل", // roundcube ar smtpfromerror
    "не може да бъде изпратено писмо от", // roundcube bg_BG smtpfromerror
    "no s'ha pogut posar…com a remitent", // roundcube ca_ES smtpfromerror
    "no s’ha pogut posar…com a remitent", // roundcube ca_ES smtpfromerror
    "nelze nastavit odesílatele", // roundcube cs_CZ smtpfromerror
    "kunne ikke indstille afsender", // roundcube da_DK smtpfromerror
    "der absender…konnte nicht gesetzt werden", // roundcube de_DE smtpfromerror
    "αποτυχία ορισμού αποστολέα", // roundcube el_GR smtpfromerror
    "no se pudo establecer el remitente", // roundcube es_AR smtpfromerror
    "no se pudo asignar el remitente", // roundcube es_ES smtpfromerror
    "saatjaks määramine nurjus", // roundcube et_EE smtpfromerror
    "ناموفق در تنظیم فرستنده", // roundcube fa_IR smtpfromerror
    "lähettäjän…asettaminen epäonnistui", // roundcube fi_FI smtpfromerror
    "impossible de définir l'expéditeur", // roundcube fr_FR smtpfromerror
    "impossible de définir l’expéditeur", // roundcube fr_FR smtpfromerror
    "לא נרשמה כתובת השולח", // roundcube he_IL smtpfromerror
    "postavljanje pošiljatelja…nije uspjelo", // roundcube hr_HR smtpfromerror
    "nem sikerült a feladó beállítása", // roundcube hu_HU smtpfromerror
    "gagal mengatur pengirim", // roundcube id_ID smtpfromerror
    "impostazione del mittente…non riuscita", // roundcube it_IT smtpfromerror
    "差出人…を設定できません", // roundcube ja_JP smtpfromerror
    "발송자를…으)로 설정하는데 실패했습니다", // roundcube ko_KR smtpfromerror
    "nepavyko nurodyti siuntėjo", // roundcube lt_LT smtpfromerror
    "neizdevās iestatīt sūtītāju", // roundcube lv_LV smtpfromerror
    "kunne ikke sette avsender", // roundcube nb_NO smtpfromerror
    "afzender…kan niet ingesteld worden", // roundcube nl_NL smtpfromerror
    "nie można ustawić nadawcy", // roundcube pl_PL smtpfromerror
    "falha ao definir o remetente", // roundcube pt_BR smtpfromerror
    "nu s-a putut seta expeditorul", // roundcube ro_RO smtpfromerror
    "невозможно установить отправителя", // roundcube ru_RU smtpfromerror
    "nemožno nastaviť odosielateľa", // roundcube sk_SK smtpfromerror
    "neveljaven elektronski naslov pošiljatelja", // roundcube sl_SI smtpfromerror
    "неуспешно постављање пошиљаоца", // roundcube sr_CS smtpfromerror
    "kan inte sätta avsändaradress till", // roundcube sv_SE smtpfromerror
    "gönderen adresi…olarak ayarlanamadı", // roundcube tr_TR smtpfromerror
    "не вдалося вказати відправника", // roundcube uk_UA smtpfromerror
    "không thể bố trí người gửi", // roundcube vi_VN smtpfromerror
    "添加发件人失败", // roundcube zh_CN smtpfromerror
    "無法設定寄件者", // roundcube zh_TW smtpfromerror
    "خطأ على مستوى عنوان المرسل", // phpmailer ar from_failed
    "göstərilən poçtlara göndərmə uğursuz oldu", // phpmailer az from_failed
    "няправільны адрас адпраўніка", // phpmailer be from_failed
    "следните адреси за подател са невалидни", // phpmailer bg from_failed
    "la(s) següent(s) adreces de remitent han fallat", // phpmailer ca from_failed
    "následující adresa odesílatele je nesprávná", // phpmailer cs from_failed
    "følgende afsenderadresse er forkert", // phpmailer da from_failed
    "die folgende absenderadresse ist nicht korrekt", // phpmailer de from_failed
    "η παρακάτω διεύθυνση αποστολέα δεν είναι σωστή", // phpmailer el from_failed
    "la siguiente dirección de remitente falló", // phpmailer es from_failed
    "järgnev saatja e-posti aadress on vigane", // phpmailer et from_failed
    "آدرس فرستنده اشتباه است", // phpmailer fa from_failed
    "seuraava lähettäjän osoite on virheellinen", // phpmailer fi from_failed
    "l'adresse d'expéditeur suivante a échouée", // phpmailer fr from_failed
    "l’adresse d’expéditeur suivante a échouée", // phpmailer fr from_failed
    "l'adresse d'expéditeur suivante a échoué", // phpmailer fr from_failed
    "l’adresse d’expéditeur suivante a échoué", // phpmailer fr from_failed
    "smtp greška: slanje s navedenih e-mail adresa nije uspjelo", // phpmailer hr from_failed
    "a feladóként megadott következő cím hibás", // phpmailer hu from_failed
    "alamat pengirim berikut mengakibatkan kesalahan", // phpmailer id from_failed
    "i seguenti indirizzi mittenti hanno generato errore", // phpmailer it from_failed
    "fromアドレスを登録する際にエラーが発生しました", // phpmailer ja from_failed
    "გამგზავნის არასწორი მისამართი", // phpmailer ka from_failed
    "다음 from 주소에서 오류가 발생했습니다", // phpmailer ko from_failed
    "neteisingas siuntėjo adresas", // phpmailer lt from_failed
    "nepareiza sūtītāja adrese", // phpmailer lv from_failed
    "berikut merupakan ralat dari alamat e-mel", // phpmailer ms from_failed
    "følgende avsenderadresse mislyktes", // phpmailer nb from_failed
    "het volgende afzendersadres is mislukt", // phpmailer nl from_failed
    "następujący adres nadawcy jest nieprawidłowy", // phpmailer pl from_failed
    "o envio falhou para o seguinte endereço do remetente", // phpmailer pt from_failed
    "os seguintes remetentes falharam", // phpmailer pt_br from_failed
    "următoarele adrese from au dat eroare", // phpmailer ro from_failed
    "неверный адрес отправителя", // phpmailer ru from_failed
    "následujúca adresa from je nesprávna", // phpmailer sk from_failed
    "neveljaven e-naslov pošiljatelja", // phpmailer sl from_failed
    "smtp грешка: слање са следећих адреса није успело", // phpmailer sr from_failed
    "följande avsändaradress är felaktig", // phpmailer sv from_failed
    "belirtilen adreslere gönderme başarısız", // phpmailer tr from_failed
    "невірна адреса відправника", // phpmailer uk from_failed
    "lỗi địa chỉ gửi đi", // phpmailer vi from_failed
    "發送地址錯誤", // phpmailer zh from_failed
    "发送地址错误", // phpmailer zh_cn from_failed
];

/// Roundcube's `smtptoerror` ("… Failed to add recipient \"$to\" ($msg).") and PHPMailer's
/// `recipients_failed`: a recipient refused. RCPT TO.
#[rustfmt::skip]
pub const WEBMAIL_RCPT: &[&str] = &[
    "تعذرت إضافة المستلم", // roundcube ar smtptoerror
    "не може да бъде изпратено писмо до", // roundcube bg_BG smtptoerror
    "no s'ha pogut posar…com a destinatari", // roundcube ca_ES smtptoerror
    "no s’ha pogut posar…com a destinatari", // roundcube ca_ES smtptoerror
    "nelze přidat příjemce", // roundcube cs_CZ smtptoerror
    "kunne ikke tilføje modtageren", // roundcube da_DK smtptoerror
    "der empfänger…konnte nicht gesetzt werden", // roundcube de_DE smtptoerror
    "αποτυχία προσθήκης παραλήπτη", // roundcube el_GR smtptoerror
    "no se puedo agregar el destinatario", // roundcube es_AR smtptoerror
    "no se pudo establecer destinatario", // roundcube es_ES smtptoerror
    "saajaks määramine nurjus", // roundcube et_EE smtptoerror
    "نام موفق در افزودن گیرنده", // roundcube fa_IR smtptoerror
    "vastaanottajan…lisääminen epäonnistui", // roundcube fi_FI smtptoerror
    "échec lors de l'ajout du destinataire", // roundcube fr_FR smtptoerror
    "échec lors de l’ajout du destinataire", // roundcube fr_FR smtptoerror
    "לא נרשמה כתובת המקבל", // roundcube he_IL smtptoerror
    "dodavanje primatelja…nije uspjelo", // roundcube hr_HR smtptoerror
    "nem sikerült a következő címzett hozzáadása", // roundcube hu_HU smtptoerror
    "gagal menambah penerima", // roundcube id_ID smtptoerror
    "inserimento del destinatario…non riuscito", // roundcube it_IT smtptoerror
    "宛先…を追加できません", // roundcube ja_JP smtptoerror
    "수신자를…에 추가하는데 실패했습니다", // roundcube ko_KR smtptoerror
    "nepavyko pridėti gavėjo", // roundcube lt_LT smtptoerror
    "neizdevās pievienot saņēmēju", // roundcube lv_LV smtptoerror
    "kunne ikke legge til mottaker", // roundcube nb_NO smtptoerror
    "ontvanger…kan niet toegevoegd worden", // roundcube nl_NL smtptoerror
    "nie można dodać odbiorcy", // roundcube pl_PL smtptoerror
    "falha ao adicionar o destinatário", // roundcube pt_BR smtptoerror
    "nu s-a putut adăuga destinatarul", // roundcube ro_RO smtptoerror
    "невозможно добавить получателя", // roundcube ru_RU smtptoerror
    "nemožno pridať príjemcu", // roundcube sk_SK smtptoerror
    "neveljaven elektronski naslov prejemnika", // roundcube sl_SI smtptoerror
    "неуспешно додавање примаоца", // roundcube sr_CS smtptoerror
    "kan inte lägga till mottagaradress", // roundcube sv_SE smtptoerror
    "alıcısı eklenemedi", // roundcube tr_TR smtptoerror
    "не вдалося додати отримувача", // roundcube uk_UA smtptoerror
    "không thể bố trí người nhận", // roundcube vi_VN smtptoerror
    "添加收件人失败", // roundcube zh_CN smtptoerror
    "無法加入收件者", // roundcube zh_TW smtptoerror
    "الأخطاء التالية فشل في الارسال لكل من", // phpmailer ar recipients_failed
    "aşağıdakı ünvanlar üzrə alıcılara göndərmə uğursuzdur", // phpmailer az recipients_failed
    "няправільныя атрымальнікі", // phpmailer be recipients_failed
    "следните адреси за получател са невалидни", // phpmailer bg recipients_failed
    "els següents destinataris han fallat", // phpmailer ca recipients_failed
    "následující adresy příjemců nejsou správně", // phpmailer cs recipients_failed
    "følgende modtagere er forkerte", // phpmailer da recipients_failed
    "die folgenden empfänger sind nicht korrekt", // phpmailer de recipients_failed
    "οι παρακάτω διευθύνσεις παραλήπτη δεν είναι έγκυρες", // phpmailer el recipients_failed
    "los siguientes destinos fallaron", // phpmailer es recipients_failed
    "järgnevate saajate e-posti aadressid on vigased", // phpmailer et recipients_failed
    "ارسال به آدرس گیرنده با خطا مواجه شد", // phpmailer fa recipients_failed
    "seuraava vastaanottaja osoite on virheellinen", // phpmailer fi recipients_failed
    "les destinataires suivants sont en erreur", // phpmailer fr recipients_failed
    "הנמענים הבאים נכשלו", // phpmailer he recipients_failed
    "slanje na navedenih e-mail adresa nije uspjelo", // phpmailer hr recipients_failed
    "a címzettként megadott következő címek hibásak", // phpmailer hu recipients_failed
    "alamat tujuan berikut menghasilkan kesalahan", // phpmailer id recipients_failed
    "i seguenti indirizzi destinatari hanno generato un errore", // phpmailer it recipients_failed
    "次の受信者アドレスに 間違いがあります", // phpmailer ja recipients_failed
    "შემდეგ მისამართებზე გაგზავნა ვერ მოხერხდა", // phpmailer ka recipients_failed
    "다음 수신자에서 오류가 발생했습니다", // phpmailer ko recipients_failed
    "nepavyko išsiųsti šiems gavėjams", // phpmailer lt recipients_failed
    "neizdevās nosūtīt šādiem saņēmējiem", // phpmailer lv recipients_failed
    "penerima e-mel berikut telah gagal", // phpmailer ms recipients_failed
    "følgende mottakeradresse feilet", // phpmailer nb recipients_failed
    "de volgende ontvangers zijn mislukt", // phpmailer nl recipients_failed
    "następujący odbiorcy są nieprawidłowi", // phpmailer pl recipients_failed
    "falha no envio para os seguintes destinatários", // phpmailer pt recipients_failed
    "os seguintes destinatários falharam", // phpmailer pt_br recipients_failed
    "următoarele adrese de email au eșuat", // phpmailer ro recipients_failed
    "не удалась отправка таким адресатам", // phpmailer ru recipients_failed
    "adresy príjemcov niesu správne", // phpmailer sk recipients_failed
    "sledeči naslovniki so neveljavni", // phpmailer sl recipients_failed
    "слање на следеће адресе није успело", // phpmailer sr recipients_failed
    "följande mottagare är felaktig", // phpmailer sv recipients_failed
    "belirtilen alıcılara ulaşılamadı", // phpmailer tr recipients_failed
    "не вдалося відправлення для таких отримувачів", // phpmailer uk recipients_failed
    "lỗi địa chỉ người nhận", // phpmailer vi recipients_failed
    "收件人地址錯誤", // phpmailer zh recipients_failed
    "收件人地址错误", // phpmailer zh_cn recipients_failed
];

/// PHPMailer's `data_not_accepted`: the message refused after its end.
#[rustfmt::skip]
pub const WEBMAIL_END_OF_DATA: &[&str] = &[
    "خطأ smtp: لم يتم قبول المعلومات", // phpmailer ar data_not_accepted
    "smtp xətası: verilənlər qəbul edilməyib", // phpmailer az data_not_accepted
    "памылка smtp: звесткі непрынятыя", // phpmailer be data_not_accepted
    "smtp грешка: данните не са приети", // phpmailer bg data_not_accepted
    "error smtp: dades no acceptades", // phpmailer ca data_not_accepted
    "chyba smtp: data nebyla přijata", // phpmailer cs data_not_accepted
    "smtp fejl: data blev ikke accepteret", // phpmailer da data_not_accepted
    "smtp-fehler: daten werden nicht akzeptiert", // phpmailer de data_not_accepted
    "smtp fehler: daten werden nicht akzeptiert", // phpmailer de data_not_accepted
    "smtp σφάλμα: τα δεδομένα δεν έγιναν αποδεκτά", // phpmailer el data_not_accepted
    "error smtp: datos no aceptados", // phpmailer es data_not_accepted
    "smtp viga: vigased andmed", // phpmailer et data_not_accepted
    "خطای smtp: دادهها نادرست هستند", // phpmailer fa data_not_accepted
    "smtp-virhe: data on virheellinen", // phpmailer fi data_not_accepted
    "erreur smtp : données incorrectes", // phpmailer fr data_not_accepted
    "שגיאת smtp: מידע לא התקבל", // phpmailer he data_not_accepted
    "smtp greška: podatci nisu prihvaćeni", // phpmailer hr data_not_accepted
    "smtp hiba: adatok visszautasítva", // phpmailer hu data_not_accepted
    "kesalahan smtp: data tidak diterima peladen", // phpmailer id data_not_accepted
    "smtp error: dati non accettati dal server", // phpmailer it data_not_accepted
    "smtpエラー: データが受け付けられませんでした", // phpmailer ja data_not_accepted
    "smtp შეცდომა: მონაცემები არ იქნა მიღებული", // phpmailer ka data_not_accepted
    "smtp 오류: 데이터가 받아들여지지 않았습니다", // phpmailer ko data_not_accepted
    "smtp klaida: duomenys nepriimti", // phpmailer lt data_not_accepted
    "smtp kļūda: nepieņem informāciju", // phpmailer lv data_not_accepted
    "ralat smtp: data tidak diterima oleh pelayan", // phpmailer ms data_not_accepted
    "smtp-feil: data ikke akseptert", // phpmailer nb data_not_accepted
    "smtp-fout: data niet geaccepteerd", // phpmailer nl data_not_accepted
    "błąd smtp: dane nie zostały przyjęte", // phpmailer pl data_not_accepted
    "erro smtp: dados não aceites", // phpmailer pt data_not_accepted
    "erro de smtp: dados rejeitados", // phpmailer pt_br data_not_accepted
    "eroare smtp: datele nu au fost acceptate", // phpmailer ro data_not_accepted
    "ошибка smtp: данные не приняты", // phpmailer ru data_not_accepted
    "smtp error: dáta neboli prijaté", // phpmailer sk data_not_accepted
    "smtp napaka: strežnik zavrača podatke", // phpmailer sl data_not_accepted
    "smtp грешка: подаци нису прихваћени", // phpmailer sr data_not_accepted
    "smtp fel: data accepterades inte", // phpmailer sv data_not_accepted
    "smtp hatası: veri kabul edilmedi", // phpmailer tr data_not_accepted
    "помилка smtp: дані не прийнято", // phpmailer uk data_not_accepted
    "lỗi smtp: dữ liệu không được chấp nhận", // phpmailer vi data_not_accepted
    "smtp 錯誤：數據不被接受", // phpmailer zh data_not_accepted
    "smtp 错误：数据不被接受", // phpmailer zh_cn data_not_accepted
];

/// Roundcube's `smtpautherror` and PHPMailer's `authenticate`: the server refused the login.
/// AUTH; the classify rule `webmail_l10n_login`.
#[rustfmt::skip]
pub const WEBMAIL_LOGIN: &[&str] = &[
    "تعذر التحقق من هويتك", // roundcube ar smtpautherror
    "грешни потребител/парола", // roundcube bg_BG smtpautherror
    "la identificació ha fallat", // roundcube ca_ES smtpautherror
    "chyba přihlášení", // roundcube cs_CZ smtpautherror
    "autenticering fejlede", // roundcube da_DK smtpautherror
    "die authentisierung ist fehlgeschlagen", // roundcube de_DE smtpautherror
    "σφάλμα ταυτοποίησης", // roundcube el_GR smtpautherror
    "falló la autentificación", // roundcube es_AR smtpautherror
    "ha fallado la autenticación", // roundcube es_ES smtpautherror
    "autentimine nurjus", // roundcube et_EE smtpautherror
    "تصدیق هویت ناموفق بود", // roundcube fa_IR smtpautherror
    "tunnistus epäonnistui", // roundcube fi_FI smtpautherror
    "échec lors de l'authentification", // roundcube fr_FR smtpautherror
    "échec lors de l’authentification", // roundcube fr_FR smtpautherror
    "ההזדהות נכשלה", // roundcube he_IL smtpautherror
    "autentikacija nije uspjela", // roundcube hr_HR smtpautherror
    "sikertelen bejelentkezés", // roundcube hu_HU smtpautherror
    "otentifikasi gagal", // roundcube id_ID smtpautherror
    "autenticazione non riuscita", // roundcube it_IT smtpautherror
    "認証に失敗しました", // roundcube ja_JP smtpautherror
    "인증을 실패했습니다", // roundcube ko_KR smtpautherror
    "nepavyko autentikuotis", // roundcube lt_LT smtpautherror
    "neizdevās autorizēties", // roundcube lv_LV smtpautherror
    "pålogging feilet", // roundcube nb_NO smtpautherror
    "authenticatie mislukt", // roundcube nl_NL smtpautherror
    "uwierzytelnianie nie powiodło się", // roundcube pl_PL smtpautherror
    "falha na autenticação", // roundcube pt_BR smtpautherror
    "a autenticação falhou", // roundcube pt_PT smtpautherror
    "autentificare eşuată", // roundcube ro_RO smtpautherror
    "ошибка авторизации", // roundcube ru_RU smtpautherror
    "neúspešná autentifikácia", // roundcube sk_SK smtpautherror
    "avtentikacija je spodletela", // roundcube sl_SI smtpautherror
    "неуспешна аутентификација", // roundcube sr_CS smtpautherror
    "inloggningen misslyckades", // roundcube sv_SE smtpautherror
    "kimlik doğrulanamadı", // roundcube tr_TR smtpautherror
    "невдала спроба автентифікації", // roundcube uk_UA smtpautherror
    "xác thực thất bại", // roundcube vi_VN smtpautherror
    "认证失败", // roundcube zh_CN smtpautherror
    "身份核對失敗", // roundcube zh_TW smtpautherror
    "لا يمكن تأكيد الهوية", // phpmailer ar authenticate
    "giriş uğursuz oldu", // phpmailer az authenticate
    "памылка ідэнтыфікацыі", // phpmailer be authenticate
    "не може да се удостовери пред сървъра", // phpmailer bg authenticate
    "no s'hapogut autenticar", // phpmailer ca authenticate
    "no s’hapogut autenticar", // phpmailer ca authenticate
    "autentizace selhala", // phpmailer cs authenticate
    "login mislykkedes", // phpmailer da authenticate
    "authentifizierung fehlgeschlagen", // phpmailer de authenticate
    "αδυναμία πιστοποίησης (authentication", // phpmailer el authenticate
    "imposible autentificar", // phpmailer es authenticate
    "autoriseerimise viga", // phpmailer et authenticate
    "احراز هویت با شکست مواجه شد", // phpmailer fa authenticate
    "käyttäjätunnistus epäonnistui", // phpmailer fi authenticate
    "échec de l'authentification", // phpmailer fr authenticate
    "échec de l’authentification", // phpmailer fr authenticate
    "פעולת האימות נכשלה", // phpmailer he authenticate
    "neuspjela autentikacija", // phpmailer hr authenticate
    "az azonosítás sikertelen", // phpmailer hu authenticate
    "tidak dapat mengotentikasi", // phpmailer id authenticate
    "impossibile autenticarsi", // phpmailer it authenticate
    "認証できませんでした", // phpmailer ja authenticate
    "ავტორიზაცია შეუძლებელია", // phpmailer ka authenticate
    "인증할 수 없습니다", // phpmailer ko authenticate
    "autentifikacija nepavyko", // phpmailer lt authenticate
    "autorizācija neizdevās", // phpmailer lv authenticate
    "tidak dapat pengesahan", // phpmailer ms authenticate
    "kunne ikke autentisere", // phpmailer nb authenticate
    "nie można przeprowadzić uwierzytelnienia", // phpmailer pl authenticate
    "não foi possível autenticar", // phpmailer pt_br authenticate
    "autentificarea a eșuat", // phpmailer ro authenticate
    "chyba autentifikácie", // phpmailer sk authenticate
    "avtentikacija ni uspela", // phpmailer sl authenticate
    "аутентификација није успела", // phpmailer sr authenticate
    "kunde inte autentisera", // phpmailer sv authenticate
    "oturum açılamadı", // phpmailer tr authenticate
    "помилка авторизації", // phpmailer uk authenticate
    "không thể xác thực", // phpmailer vi authenticate
];

/// Roundcube's `smtpconnerror` and PHPMailer's `connect_host`, `smtp_connect_failed`: the mail
/// server could not be reached. No command; the classify rule `webmail_l10n_network`.
#[rustfmt::skip]
pub const WEBMAIL_NETWORK: &[&str] = &[
    "تعذر الاتصال بالخادم",
    "няма връзка със сървъра",
    "la connexió al servidor ha fallat",
    "připojení k serveru selhalo",
    "forbindelsen til serveren afbrudt",
    "die verbindung ist fehlgeschlagen",
    "απέτυχε η σύνδεση με τον εξυπηρετητή",
    "conexión al servidor falló",
    "ha fallado la conexión al servidor",
    "serveriga ühendumine nurjus",
    "اتصال به سرور ناموفق بود",
    "palvelimelle yhdistäminen epäonnistui",
    "échec lors de la connexion au serveur",
    "אבד הקשר לשרת",
    "povezivanje na poslužitelj nije uspjelo",
    "sikertelen kapcsolódás a szerverhez",
    "koneksi ke server gagal",
    "connessione al server non riuscita",
    "サーバーへの接続に失敗しました",
    "서버와의 연결을 실패했습니다",
    "nepavyko prisijungti prie serverio",
    "neizdevās pieslēgties serverim",
    "klarte ikke koble til server",
    "verbinding met server mislukt",
    "nie można nawiązać połączenia z serwerem",
    "conexão ao servidor falhou",
    "a ligação ao servidor falhou",
    "conexiunea cu serverul a eşuat",
    "сбой соединения с сервером",
    "neúspešné pripojenie k serveru",
    "povezava s strežnikom je spodletela",
    "неуспешно повезивање на сервер",
    "anslutning till servern misslyckades",
    "sunucuya bağlanılamadı",
    "не вдалося з'єднатися з сервером",
    "не вдалося з’єднатися з сервером",
    "kết nỗi tới máy chủ bị lỗi",
    "连接服务器失败",
    "與伺服器連線失敗",
    "لا يمكن الاتصال بالخادم smtp",
    "smtp connect() غير ممكن",
    "smtp serverinə qoşulma uğursuz oldu",
    "нельга ўстанавіць сувязь з smtp-серверам",
    "памылка сувязі з smtp-серверам",
    "не може да се свърже с smtp хоста",
    "smtp провален connect",
    "no es pot connectar al servidor smtp",
    "nelze navázat spojení se smtp serverem",
    "smtp connect() selhal",
    "forbindelse til smtp serveren kunne ikke oprettes",
    "smtp connect() fejlede",
    "konnte keine verbindung zum smtp-host herstellen",
    "verbindung zum smtp-server fehlgeschlagen",
    "verbindung zu smtp server fehlgeschlagen",
    "αδυναμία σύνδεσης στον smtp-host",
    "αποτυχία σύνδεσης στον smtp server",
    "imposible conectar al servidor smtp",
    "smtp connect() falló",
    "ei õnnestunud luua ühendust smtp serveriga",
    "اتصال به سرور smtp برقرار نشد",
    "خطا در اتصال به smtp",
    "yhteys palvelimeen ei onnistu",
    "impossible de se connecter au serveur smtp",
    "échec de la connexion smtp",
    "לא הצלחתי להתחבר לשרת smtp",
    "smtp connect() failed",
    "ne mogu se spojiti na smtp poslužitelj",
    "spajanje na smtp poslužitelj nije uspjelo",
    "nem lehet kapcsolódni az smtp-szerverhez",
    "hiba az smtp-kapcsolatban",
    "tidak dapat terhubung ke host smtp",
    "smtp connect() gagal",
    "impossibile connettersi all'host smtp",
    "impossibile connettersi all’host smtp",
    "smtp connect() fallita",
    "smtpホストに接続できませんでした",
    "smtp სერვერთან დაკავშირება შეუძლებელია",
    "შეცდომა smtp სერვერთან დაკავშირებისას",
    "smtp 호스트에 접속할 수 없습니다",
    "smtp 연결을 실패하였습니다",
    "nepavyksta prisijungti prie smtp stoties",
    "smtp susijungimo klaida",
    "nevar izveidot savienojumu ar smtp serveri",
    "smtp savienojuma kļūda",
    "tidak dapat menghubungi hos pelayan smtp",
    "smtp connect() telah gagal",
    "kunne ikke koble til smtp-vert",
    "smtp connect() mislyktes",
    "kon niet verbinden met smtp-host",
    "smtp verbinding mislukt",
    "nie można połączyć się z wybranym hostem",
    "smtp connect() zakończone niepowodzeniem",
    "não foi possível ligar ao servidor smtp",
    "falha na função smtp connect",
    "não foi possível conectar ao servidor smtp",
    "smtp connect() falhou",
    "conectarea la serverul smtp a eșuat",
    "не удается подключиться к smtp-серверу",
    "ошибка соединения с smtp-сервером",
    "nebolo možné nadviazať spojenie so smtp serverom",
    "smtp connect() zlyhalo",
    "vzpostavljanje povezave s smtp gostiteljem ni uspelo",
    "ne morem vzpostaviti povezave s smtp strežnikom",
    "повезивање са smtp сервером није успело",
    "kunde inte ansluta till smtp-server",
    "smtp connect() misslyckades",
    "smtp sunucusuna bağlanılamadı",
    "smtp connect() fonksiyonu başarısız",
    "не вдається під'єднатися до smtp-серверу",
    "не вдається під’єднатися до smtp-серверу",
    "помилка з'єднання з smtp-сервером",
    "помилка з’єднання з smtp-сервером",
    "không thể kết nối máy chủ smtp",
    "lỗi kết nối với smtp",
    "無法連接到 smtp 主機",
    "无法连接到 smtp 主机",
    "smtp服务器连接失败",
];

/// Roundcube's `smtpsizeerror`: the message over the server's size limit. No command; the
/// classify rule `webmail_l10n_size`.
#[rustfmt::skip]
pub const WEBMAIL_SIZE: &[&str] = &[
    "размерът на писмото надвишава ограничението на сървъра",
    "la mida del missatge excedeix el límit del servidor",
    "zpráva překročila limit serveru",
    "nachrichtengröße übersteigt die servergrenze",
    "el mensaje excede el límite del servidor",
    "el tamaño de mensaje excede el límite del servidor",
    "viestin koko ylittää palvleimen rajoituksen",
    "la taille du message dépasse la limite du serveur",
    "גודל ההודעה עולה על הגודל המותר בשרת",
    "veličina poruke prekoračila je ograničenje poslužitelja",
    "az üzenet mérete elérte a kiszálgáló által engedélyzett maximális méretet",
    "la dimensione del messaggio supera il limite del server",
    "メッセージの大きさがサーバーの制限",
    "laiško dydis viršija serverio nustatytą ribą",
    "vēstules izmērs pārsniedz serverī noteikto limitu",
    "berichtgrootte overschrijdt de serverlimit",
    "rozmiar wiadomości przekracza limit",
    "tamanho da mensagem excede o limite do servidor",
    "o tamanho da mensagem excede o limite do servidor",
    "размер сообщения превышает ограничения сервера",
    "veľkosť správy presahuje limit servera",
    "meddelandet är för stort",
    "i̇leti boyutu sunucu sınırlamasını aşıyor",
    "消息长度超过服务器能接受的长度",
    "郵件大小超過伺服器限制",
];

// GNOME Evolution's SMTP transport (evolution-data-server `camel-smtp-transport.c`: "MAIL FROM
// command failed: ", "RCPT TO <%s> failed: ", … and their `po/<lang>.po` translations, "RCPT
// TO-Befehl gescheitert: 550 …"): a command named, the server's reply after it.

/// Evolution's "Welcome response error: " (the greeting).
#[rustfmt::skip]
pub const EVOLUTION_GREETING: &[&str] = &[
    "welcome response error", // evolution en Welcome response error:
    "fehler bei welcome-antwort", // evolution de Welcome response error:
    "erreur lors de la réponse de bienvenue", // evolution fr Welcome response error:
    "erro na resposta de boas vindas", // evolution pt_BR Welcome response error:
    "ошибка ответа на приветствие", // evolution ru Welcome response error:
    "błąd odpowiedzi na powitanie", // evolution pl Welcome response error:
    "fout in welkomstbericht", // evolution nl Welcome response error:
    "问候应答错误", // evolution zh_CN Welcome response error:
    "chyba odpovědi na přivítání", // evolution cs Welcome response error:
    "karşılama yanıtı hatası", // evolution tr Welcome response error:
    "hibás üdvözlő válasz", // evolution hu Welcome response error:
];

/// Evolution's "HELO command failed: ".
#[rustfmt::skip]
pub const EVOLUTION_HELO: &[&str] = &[
    "helo-befehl gescheitert", // evolution de HELO command failed:
    "la commande helo a échoué", // evolution fr HELO command failed:
    "el comando helo ha fallado", // evolution es HELO command failed:
    "comando helo non riuscito", // evolution it HELO command failed:
    "o comando helo falhou", // evolution pt_BR HELO command failed:
    "сбой команды helo", // evolution ru HELO command failed:
    "polecenie helo się nie powiodło", // evolution pl HELO command failed:
    "helo-opdracht mislukt", // evolution nl HELO command failed:
    "helo 命令失败", // evolution zh_CN HELO command failed:
    "příkaz helo selhal", // evolution cs HELO command failed:
    "helo komutu başarısız", // evolution tr HELO command failed:
    "a helo parancs sikertelen", // evolution hu HELO command failed:
];

/// Evolution's "MAIL FROM command failed: ".
#[rustfmt::skip]
pub const EVOLUTION_MAIL: &[&str] = &[
    "mail from-befehl gescheitert", // evolution de MAIL FROM command failed:
    "la commande mail from a échoué", // evolution fr MAIL FROM command failed:
    "el comando mail from ha fallado", // evolution es MAIL FROM command failed:
    "comando mail from non riuscito", // evolution it MAIL FROM command failed:
    "o comando mail from falhou", // evolution pt_BR MAIL FROM command failed:
    "сбой команды mail from", // evolution ru MAIL FROM command failed:
    "polecenie mail from się nie powiodło", // evolution pl MAIL FROM command failed:
    "mail from-opdracht mislukt", // evolution nl MAIL FROM command failed:
    "mail from 命令失败", // evolution zh_CN MAIL FROM command failed:
    "příkaz mail from selhal", // evolution cs MAIL FROM command failed:
    "mail from komutu başarısız", // evolution tr MAIL FROM command failed:
    "a mail from parancs sikertelen", // evolution hu MAIL FROM command failed:
];

/// Evolution's "RCPT TO command failed: " and "RCPT TO <%s> failed: ".
#[rustfmt::skip]
pub const EVOLUTION_RCPT: &[&str] = &[
    "rcpt to-befehl gescheitert", // evolution de RCPT TO command failed:
    "rcpt to <…> gescheitert", // evolution de RCPT TO <%s> failed:
    "la commande rcpt to a échoué", // evolution fr RCPT TO command failed:
    "rcpt to <…> a échoué", // evolution fr RCPT TO <%s> failed:
    "el comando rcpt to ha fallado", // evolution es RCPT TO command failed:
    "falló rcpt to <…>", // evolution es RCPT TO <%s> failed:
    "rcpt to <…> non riuscito", // evolution it RCPT TO <%s> failed:
    "o comando rcpt to falhou", // evolution pt_BR RCPT TO command failed:
    "rcpt to <…> falhou", // evolution pt_BR RCPT TO <%s> failed:
    "сбой команды rcpt to", // evolution ru RCPT TO command failed:
    "сбой команды rcpt to <…>", // evolution ru RCPT TO <%s> failed:
    "polecenie rcpt to się nie powiodło", // evolution pl RCPT TO command failed:
    "wykonanie rcpt to <…> się nie powiodło", // evolution pl RCPT TO <%s> failed:
    "rcpt to-opdracht mislukt", // evolution nl RCPT TO command failed:
    "rcpt to <…> mislukt", // evolution nl RCPT TO <%s> failed:
    "rctp to 命令失败", // evolution zh_CN RCPT TO command failed:
    "rcpt to <…> 失败", // evolution zh_CN RCPT TO <%s> failed:
    "příkaz rcpt to selhal", // evolution cs RCPT TO command failed:
    "příkaz rcpt to <…> selhal", // evolution cs RCPT TO <%s> failed:
    "rcpt to komutu başarısız", // evolution tr RCPT TO command failed:
    "rcpt to <…> başarısız", // evolution tr RCPT TO <%s> failed:
    "az rcpt to parancs sikertelen", // evolution hu RCPT TO command failed:
    "rcpt to <…> sikertelen", // evolution hu RCPT TO <%s> failed:
];

/// Evolution's "DATA command failed: ".
#[rustfmt::skip]
pub const EVOLUTION_DATA: &[&str] = &[
    "data-befehl gescheitert", // evolution de DATA command failed:
    "la commande data a échoué", // evolution fr DATA command failed:
    "el comando data ha fallado", // evolution es DATA command failed:
    "comando data non riuscito", // evolution it DATA command failed:
    "o comando data falhou", // evolution pt_BR DATA command failed:
    "сбой команды data", // evolution ru DATA command failed:
    "polecenie data się nie powiodło", // evolution pl DATA command failed:
    "data-opdracht mislukt", // evolution nl DATA command failed:
    "datp 命令失败", // evolution zh_CN DATA command failed:
    "příkaz data selhal", // evolution cs DATA command failed:
    "data komutu başarısız", // evolution tr DATA command failed:
    "a data parancs sikertelen", // evolution hu DATA command failed:
];

/// Evolution's "AUTH command failed: ".
#[rustfmt::skip]
pub const EVOLUTION_AUTH: &[&str] = &[
    "auth-befehl gescheitert", // evolution de AUTH command failed:
    "la commande auth a échoué", // evolution fr AUTH command failed:
    "el comando auth ha fallado", // evolution es AUTH command failed:
    "comando auth non riuscito", // evolution it AUTH command failed:
    "o comando auth falhou", // evolution pt_BR AUTH command failed:
    "сбой команды auth", // evolution ru AUTH command failed:
    "polecenie auth się nie powiodło", // evolution pl AUTH command failed:
    "auth-opdracht mislukt", // evolution nl AUTH command failed:
    "auth 命令失败", // evolution zh_CN AUTH command failed:
    "příkaz auth selhal", // evolution cs AUTH command failed:
    "auth komutu başarısız", // evolution tr AUTH command failed:
    "az auth parancs sikertelen", // evolution hu AUTH command failed:
];

/// Evolution's "STARTTLS command failed: ".
#[rustfmt::skip]
pub const EVOLUTION_STARTTLS: &[&str] = &[
    "starttls-befehl gescheitert", // evolution de STARTTLS command failed:
    "la commande starttls a échoué", // evolution fr STARTTLS command failed:
    "el comando starttls ha fallado", // evolution es STARTTLS command failed:
    "comando starttls non riuscito", // evolution it STARTTLS command failed:
    "o comando starttls falhou", // evolution pt_BR STARTTLS command failed:
    "сбой команды starttls", // evolution ru STARTTLS command failed:
    "polecenie starttls się nie powiodło", // evolution pl STARTTLS command failed:
    "starttls-opdracht mislukt", // evolution nl STARTTLS command failed:
    "starttls 命令失败", // evolution zh_CN STARTTLS command failed:
    "příkaz starttls selhal", // evolution cs STARTTLS command failed:
    "starttls komutu başarısız oldu", // evolution tr STARTTLS command failed:
    "a starttls parancs sikertelen", // evolution hu STARTTLS command failed:
];

/// Evolution's "RSET command failed: ".
#[rustfmt::skip]
pub const EVOLUTION_RSET: &[&str] = &[
    "rset-befehl gescheitert", // evolution de RSET command failed:
    "la commande rset a échoué", // evolution fr RSET command failed:
    "el comando rset ha fallado", // evolution es RSET command failed:
    "comando rset non riuscito", // evolution it RSET command failed:
    "o comando rset falhou", // evolution pt_BR RSET command failed:
    "сбой команды rset", // evolution ru RSET command failed:
    "polecenie rset się nie powiodło", // evolution pl RSET command failed:
    "rset-opdracht mislukt", // evolution nl RSET command failed:
    "rset 命令失败", // evolution zh_CN RSET command failed:
    "příkaz rset selhal", // evolution cs RSET command failed:
    "rset komutu başarısız oldu", // evolution tr RSET command failed:
    "az rset parancs sikertelen", // evolution hu RSET command failed:
];

/// Evolution's "QUIT command failed: ".
#[rustfmt::skip]
pub const EVOLUTION_QUIT: &[&str] = &[
    "quit-befehl gescheitert", // evolution de QUIT command failed:
    "la commande quit a échoué", // evolution fr QUIT command failed:
    "el comando quit ha fallado", // evolution es QUIT command failed:
    "comando quit non riuscito", // evolution it QUIT command failed:
    "o comando quit falhou", // evolution pt_BR QUIT command failed:
    "сбой команды quit", // evolution ru QUIT command failed:
    "polecenie quit się nie powiodło", // evolution pl QUIT command failed:
    "quit-opdracht mislukt", // evolution nl QUIT command failed:
    "quit 命令失败", // evolution zh_CN QUIT command failed:
    "příkaz quit selhal", // evolution cs QUIT command failed:
    "quit komutu başarısız oldu", // evolution tr QUIT command failed:
    "a quit parancs sikertelen", // evolution hu QUIT command failed:
];

// msmtp's own errors (marlam/msmtp `src/smtp.c`, `src/msmtp.c`, `src/net.c` and `po/<lang>.po`:
// de, fr, es, pt_BR, ru, uk, sv, zh_CN), in English and its languages ("msmtp:
// Empfängeradresse … wird vom Server nicht akzeptiert").

/// msmtp's "cannot get initial OK message from server".
#[rustfmt::skip]
pub const MSMTP_GREETING: &[&str] = &[
    "cannot get initial ok message from server", // msmtp en cannot get initial OK message from server
    "kann keine initiale ok nachricht des servers empfangen", // msmtp de cannot get initial OK message from server
    "erreur de réception du message ok initial du serveur", // msmtp fr cannot get initial OK message from server
    "no se puede recibir el mensaje inicial ok del servidor", // msmtp es cannot get initial OK message from server
    "não obtive a mensagem de ok inicial do servidor", // msmtp pt_BR cannot get initial OK message from server
    "не удалось получить начальный ok от сервера", // msmtp ru cannot get initial OK message from server
    "не вдалося отримати початкове повідомлення ok від сервера", // msmtp uk cannot get initial OK message from server
    "kunde inte få initialt ok-meddelande från servern", // msmtp sv cannot get initial OK message from server
    "无法从服务器获取初始 ok 消息", // msmtp zh_CN cannot get initial OK message from server
];

/// msmtp's "SMTP server does not accept EHLO or HELO commands".
#[rustfmt::skip]
pub const MSMTP_HELO: &[&str] = &[
    "smtp server does not accept ehlo or helo commands", // msmtp en SMTP server does not accept EHLO or HELO commands
    "der smtp server unterstützt weder ehlo noch helo", // msmtp de SMTP server does not accept EHLO or HELO commands
    "me serveur smtp n'accepte pas les commandes ehlo ni helo", // msmtp fr SMTP server does not accept EHLO or HELO commands
    "el servidor smtp no admite las órdenes ehlo o helo", // msmtp es SMTP server does not accept EHLO or HELO commands
    "o servidor smtp não aceita os comandos ehlo ou helo", // msmtp pt_BR SMTP server does not accept EHLO or HELO commands
    "smtp-сервер не принимает команды ehlo или helo", // msmtp ru SMTP server does not accept EHLO or HELO commands
    "команди ehlo або helo є неприйнятними для сервера smtp", // msmtp uk SMTP server does not accept EHLO or HELO commands
    "smtp server accepterar inte ehlo eller helo kommandon", // msmtp sv SMTP server does not accept EHLO or HELO commands
    "smtp 服务器不接受 ehlo 或 helo 命令", // msmtp zh_CN SMTP server does not accept EHLO or HELO commands
];

/// msmtp's "envelope from address %s not accepted by the server".
#[rustfmt::skip]
pub const MSMTP_MAIL: &[&str] = &[
    "envelope from address…not accepted by the server", // msmtp en envelope from address %s not accepted by the server
    "umschlagabsenderadresse…wird vom server nicht akzeptiert", // msmtp de envelope from address %s not accepted by the server
    "l'adresse d'expéditeur d'enveloppe…n'est pas acceptée par le serveur", // msmtp fr envelope from address %s not accepted by the server
    "el servidor no acepta la dirección de remitente", // msmtp es envelope from address %s not accepted by the server
    "o envelope do endereço…não foi aceito pelo servidor", // msmtp pt_BR envelope from address %s not accepted by the server
    "адрес отправителя…отклонён сервером", // msmtp ru envelope from address %s not accepted by the server
    "обгортка із адресою відправника…є неприйнятною для сервера", // msmtp uk envelope from address %s not accepted by the server
    "kuvert från adress…accepteras inte av servern", // msmtp sv envelope from address %s not accepted by the server
    "发件人地址…未被服务器接受", // msmtp zh_CN envelope from address %s not accepted by the server
];

/// msmtp's "recipient address %s not accepted by the server".
#[rustfmt::skip]
pub const MSMTP_RCPT: &[&str] = &[
    "recipient address…not accepted by the server", // msmtp en recipient address %s not accepted by the server
    "empfängeradresse…wird vom server nicht akzeptiert", // msmtp de recipient address %s not accepted by the server
    "l'adresse de destinataire…n'est pas acceptée par le serveur", // msmtp fr recipient address %s not accepted by the server
    "el servidor no acepta la dirección de destinatario", // msmtp es recipient address %s not accepted by the server
    "o endereço do recipiente…não foi aceito pelo servidor", // msmtp pt_BR recipient address %s not accepted by the server
    "адрес получателя…отклонён сервером", // msmtp ru recipient address %s not accepted by the server
    "адреса отримувача…є неприйнятною для сервера", // msmtp uk recipient address %s not accepted by the server
    "mottagaradress…accepteras inte av servern", // msmtp sv recipient address %s not accepted by the server
    "收件人地址…未被服务器接受", // msmtp zh_CN recipient address %s not accepted by the server
];

/// msmtp's "the server does not accept mail data".
#[rustfmt::skip]
pub const MSMTP_DATA: &[&str] = &[
    "the server does not accept mail data", // msmtp en the server does not accept mail data
    "der server akzeptiert die maildaten nicht", // msmtp de the server does not accept mail data
    "le serveur n'accepte pas la commande data", // msmtp fr the server does not accept mail data
    "el servidor no acepta los datos del correo", // msmtp es the server does not accept mail data
    "o servidor não aceitou os dados da mensagem", // msmtp pt_BR the server does not accept mail data
    "сервер отклонил данные письма", // msmtp ru the server does not accept mail data
    "сервер відмовився приймати поштові дані", // msmtp uk the server does not accept mail data
    "servern accepterar inte e-postdata", // msmtp sv the server does not accept mail data
    "服务器不接受邮件数据", // msmtp zh_CN the server does not accept mail data
];

/// msmtp's "the server did not accept the mail".
#[rustfmt::skip]
pub const MSMTP_END_OF_DATA: &[&str] = &[
    "the server did not accept the mail", // msmtp en the server did not accept the mail
    "der server hat die mail nicht akzeptiert", // msmtp de the server did not accept the mail
    "le serveur n'a pas accepté le courriel", // msmtp fr the server did not accept the mail
    "el servidor no aceptó el correo", // msmtp es the server did not accept the mail
    "o servidor não aceitou a mensagem", // msmtp pt_BR the server did not accept the mail
    "сервер отклонил письмо", // msmtp ru the server did not accept the mail
    "сервер відмовився приймати пошту", // msmtp uk the server did not accept the mail
    "servern accepterade inte e-post", // msmtp sv the server did not accept the mail
    "服务器未接受邮件", // msmtp zh_CN the server did not accept the mail
];

/// msmtp's "authentication failed (method %s)", "authentication failed: %s (method %s)",
/// "the server does not support authentication method %s", "cannot find a usable
/// authentication method": the login or its mechanism refused. AUTH; the classify rule
/// `msmtp_l10n_login`.
#[rustfmt::skip]
pub const MSMTP_LOGIN: &[&str] = &[
    "authentication failed (method", // msmtp en authentication failed (method %s)
    "the server does not support authentication method", // msmtp en the server does not support authentication method %s
    "cannot find a usable authentication method", // msmtp en cannot find a usable authentication method
    "authentication failed…method", // msmtp en authentication failed: %s (method %s)
    "authentifizierung fehlgeschlagen (methode", // msmtp de authentication failed (method %s)
    "der server unterstützt authentifizierungsmethode…nicht", // msmtp de the server does not support authentication method %s
    "kann keine benutzbare authentifizierungsmethode finden", // msmtp de cannot find a usable authentication method
    "authentifizierung fehlgeschlagen…methode", // msmtp de authentication failed: %s (method %s)
    "échec de l'authentification (méthode", // msmtp fr authentication failed (method %s)
    "le serveur ne supporte pas la méthode d'authentification", // msmtp fr the server does not support authentication method %s
    "échec de la recherche d'une méthode d'authentification utilisable", // msmtp fr cannot find a usable authentication method
    "la méthode d'authentification a échouée…méthode", // msmtp fr authentication failed: %s (method %s)
    "fallo en la autenticación (método", // msmtp es authentication failed (method %s)
    "el servidor pop3 no admite el método de autenticación", // msmtp es the server does not support authentication method %s
    "no se puede encontrar ningún método usable de autenticación", // msmtp es cannot find a usable authentication method
    "fallo en la autenticación…método", // msmtp es authentication failed: %s (method %s)
    "a autenticação falhou (método", // msmtp pt_BR authentication failed (method %s)
    "o servidor não suporta o método de autenticação", // msmtp pt_BR the server does not support authentication method %s
    "não pude encontrar um método usável de autenticação", // msmtp pt_BR cannot find a usable authentication method
    "a autenticação falhou…método", // msmtp pt_BR authentication failed: %s (method %s)
    "сбой аутентификации (метод", // msmtp ru authentication failed (method %s)
    "сервер не поддерживает метод аутентификации", // msmtp ru the server does not support authentication method %s
    "не найден рабочий метод аутентификации", // msmtp ru cannot find a usable authentication method
    "сбой аутентификации…метод", // msmtp ru authentication failed: %s (method %s)
    "не вдалося пройти розпізнавання (спосіб", // msmtp uk authentication failed (method %s)
    "на сервері не передбачено способу розпізнавання", // msmtp uk the server does not support authentication method %s
    "не вдалося знайти придатний до використання спосіб розпізнавання", // msmtp uk cannot find a usable authentication method
    "помилка розпізнавання…спосіб", // msmtp uk authentication failed: %s (method %s)
    "autentisering misslyckades (metod", // msmtp sv authentication failed (method %s)
    "servern stöder inte autentiseringsmetod", // msmtp sv the server does not support authentication method %s
    "kan inte hitta en användbar autentiseringsmetod", // msmtp sv cannot find a usable authentication method
    "autentisering misslyckades…metod", // msmtp sv authentication failed: %s (method %s)
    "认证失败（方法", // msmtp zh_CN authentication failed (method %s)
    "服务器不支持认证方法", // msmtp zh_CN the server does not support authentication method %s
    "找不到可用的认证方法", // msmtp zh_CN cannot find a usable authentication method
    "认证失败：…（方法", // msmtp zh_CN authentication failed: %s (method %s)
];

/// msmtp's "the server does not support TLS via the STARTTLS command": STARTTLS not offered.
/// STARTTLS; the classify rule `msmtp_l10n_starttls` (failedstarttls, as the read lines label
/// "STARTTLS not supported").
#[rustfmt::skip]
pub const MSMTP_STARTTLS: &[&str] = &[
    "the server does not support tls via the starttls command", // msmtp en the server does not support TLS via the STARTTLS command
    "der server unterstützt tls über das stls kommando nicht", // msmtp de the server does not support TLS via the STARTTLS command
    "le serveur ne supporte pas tls via la commande starttls", // msmtp fr the server does not support TLS via the STARTTLS command
    "el servidor pop3 no admite tls a través de la orden stls", // msmtp es the server does not support TLS via the STARTTLS command
    "o servidor não suporta tls através do comando starttls", // msmtp pt_BR the server does not support TLS via the STARTTLS command
    "сервер не поддерживает tls на основе команды starttls", // msmtp ru the server does not support TLS via the STARTTLS command
    "на сервері не передбачено підтримки tls на основі команди starttls", // msmtp uk the server does not support TLS via the STARTTLS command
    "servern stöder inte tls via kommandot starttls", // msmtp sv the server does not support TLS via the STARTTLS command
    "服务器不支持通过 starttls 命令启用 tls", // msmtp zh_CN the server does not support TLS via the STARTTLS command
];

/// msmtp's "cannot connect to %s, port %d: %s" (`src/net.c`): the server not reached. No
/// command; the classify rule `msmtp_l10n_network`.
#[rustfmt::skip]
pub const MSMTP_NETWORK: &[&str] = &[
    "cannot connect to…port",
    "kann keine verbindung zu…port",
    "erreur de connexion à…port",
    "no se puede conectar con…puerto",
    "não pude conectar em…porta",
    "не удалось подключиться к…порт",
    "не вдалося з'єднатися із…порт",
    "kan inte ansluta till…port",
    "无法连接到…，端口",
];
